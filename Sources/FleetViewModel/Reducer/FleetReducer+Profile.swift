import Foundation

extension FleetReducer {
    /// `:profile` lists the profiles; `:profile NAME` signs in with one (an effect), unless that would leave an
    /// operation unwatched or the name is not a profile.
    static func profileCommand(_ s: inout FleetState, _ name: String?, now: Date) -> [FleetEffect] {
        let current = s.credentialSource.isEmpty ? s.profile : s.credentialSource
        let listed = s.profiles.isEmpty ? "the aliyun CLI config has none" : s.profiles.joined(separator: ", ")
        guard let name else {
            let how = s.sandbox ? "the sandbox has one account" : ":profile NAME switches"
            s.post(.info, "On \(current). Profiles: \(listed) (\(how)).", topic: "profile", now: now)
            return []
        }
        if s.sandbox {
            s.post(
                .warning,
                "Sandbox: one account. For profile \(name), run ecsfleet --profile \(name).",
                topic: "profile", now: now)
            return []
        }
        if let run = s.inFlightOperations.first {
            s.post(
                .warning,
                "Operation \(run.id) is in flight: :profile waits until it ends (o shows it).", topic: "profile",
                now: now)
            return []
        }
        if let pending = s.switchingTo {
            s.post(.warning, "Already signing in with profile \(pending).", topic: "profile", now: now)
            return []
        }
        guard s.profiles.contains(name) else {
            s.post(.error, "No profile \(name); profiles: \(listed).", topic: "profile", now: now)
            return []
        }
        if name == s.profile {
            s.post(.info, "Already on \(current).", topic: "profile", now: now)
            return []
        }
        s.switchingTo = name
        s.post(.info, "Signing in with profile \(name)…", topic: "profile", now: now)
        return [.switchProfile(name)]
    }

    /// The runner moved to another account: nothing of the old one stays on screen or marked. The filter and
    /// the sort stay (they are how the operator looks, not what); the regions become the new account's
    /// default region, or all of its regions when all were shown.
    static func profileSwitched(_ s: inout FleetState, _ account: AccountSummary, now: Date) -> [FleetEffect] {
        let dropped = s.markCount
        s.switchingTo = nil
        s.profile = account.profile
        s.credentialSource = account.credentialSource
        s.endpoint = account.endpoint
        s.table = InstanceTable()
        s.cursor = nil
        s.rangeMarking = false
        s.pendingCount = nil
        s.loads = [:]
        s.lastRefresh = nil
        s.refreshes = RefreshScheduler()
        // Every operation ended (a switch waits for that); their results name the old account's instances.
        s.operations = []
        s.resultsView = nil
        if case .commandLine = s.dialog {} else { s.dialog = .none }
        if let regions = account.regions {
            s.knownRegions = regions
            s.regionListLoaded = true
        } else {
            s.knownRegions = [account.region]
            s.regionListLoaded = false
        }
        if s.regionsShown != .all { s.regionsShown = .only([account.region]) }
        // The header names the credentials in full; the banner says what changed in words that fit 80 columns.
        let marks = dropped == 0 ? "" : "; \(dropped) mark\(dropped == 1 ? "" : "s") cleared"
        let onProfile = "Now on profile \(account.profile), \(s.regionsShown.title)\(marks)."
        // Its interrupted operations, as at launch: they can be resumed from here now.
        if let interrupted = account.interrupted {
            s.post(.warning, onProfile + " " + interrupted, topic: "interrupted", now: now)
        } else {
            s.post(.info, onProfile, topic: "profile", now: now)
        }
        return refresh(&s, now: now)
    }
}
