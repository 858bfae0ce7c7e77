import ECSAPI
import FleetCore
import FleetTUI
import FleetViewModel
import Foundation
import TerminalUI
import Testing

/// The header names where the credentials came from when the session knows it.
@Suite struct HeaderSourceTests {
    @Test func headerNamesTheCredentialSource() {
        var s = UI.state()
        #expect(UI.render(s, .large).lines[0].contains(" prod-admin "), "no source: the profile, as before")
        s.credentialSource = "profile ops (RamRoleArn → acs:ram::…:role/fleet-ops)"
        let top = UI.render(s, .large).lines[0]
        #expect(top.contains(" profile ops (RamRoleArn → acs:ram::…:role/fleet-ops) "))
        #expect(top.contains("cn-hangzhou, cn-shanghai"))
    }
}
