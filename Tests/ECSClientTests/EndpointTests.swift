import ECSClient
import Testing

@Suite struct EndpointTests {
    @Test func publicEndpoints() {
        #expect(Endpoint.publicEndpoint(region: "cn-hangzhou").baseURL == "https://ecs.aliyuncs.com")
        #expect(Endpoint.publicEndpoint(region: "cn-shanghai").baseURL == "https://ecs.cn-shanghai.aliyuncs.com")
    }

    @Test(arguments: [
        ("http://127.0.0.1:8080", "http://127.0.0.1:8080", "127.0.0.1:8080"),
        ("https://ecs.example.com", "https://ecs.example.com", "ecs.example.com"),
        ("https://ecs.example.com:443/", "https://ecs.example.com", "ecs.example.com"),
        ("http://localhost:9", "http://localhost:9", "localhost:9"),
        ("http://[::1]:8080", "http://[::1]:8080", "[::1]:8080"),
        ("HTTPS://ECS.cn-beijing.aliyuncs.com", "https://ecs.cn-beijing.aliyuncs.com", "ecs.cn-beijing.aliyuncs.com"),
    ])
    func parses(_ text: String, _ url: String, _ authority: String) throws {
        let e = try Endpoint(parsing: text, insecureHTTP: false)
        #expect(e.baseURL == url)
        #expect(e.authority == authority)
    }

    @Test func refusesPlainHTTPOffLoopback() throws {
        #expect(throws: EndpointError.self) { try Endpoint(parsing: "http://10.0.0.5:8080", insecureHTTP: false) }
        let allowed = try Endpoint(parsing: "http://10.0.0.5:8080", insecureHTTP: true)
        #expect(allowed.scheme == "http")
    }

    /// Only loopback literals and `localhost` may use plain HTTP without `--insecure-http`: a name that merely
    /// starts with `127.` is resolved by DNS and can point anywhere.
    @Test(arguments: [
        "http://127.0.0.1:8080", "http://127.255.255.254", "http://127.1.2.3:80", "http://localhost:9",
        "http://LOCALHOST", "http://[::1]:8080", "http://[::1]",
    ])
    func plainHTTPToLoopbackLiterals(_ text: String) throws {
        let e = try Endpoint(parsing: text, insecureHTTP: false)
        #expect(e.isLoopback)
    }

    @Test(arguments: [
        "http://127.evil.invalid:80", "http://127.0.0.1.ecs-sim.invalid", "http://127.0.0.1.:80", "http://127.0.0:80",
        "http://127.0.0.256", "http://127.0.0.01", "http://127..0.1", "http://127.0.0.1a", "http://0127.0.0.1",
        "http://128.0.0.1", "http://127", "http://127.", "http://localhost.ecs-sim.invalid", "http://[::2]:80",
        "http://[0::1]:80", "http://1.127.0.0.1",
    ])
    func plainHTTPRefusedToNamesThatLookLikeLoopback(_ text: String) throws {
        let error = #expect(throws: EndpointError.self) { try Endpoint(parsing: text, insecureHTTP: false) }
        #expect(error?.description.contains("--insecure-http") == true, "\(String(describing: error))")
        #expect(try Endpoint(parsing: text, insecureHTTP: true).isLoopback == false)
    }

    @Test func loopbackIsAboutTheHostOnly() {
        #expect(Endpoint(scheme: "http", host: "127.0.0.1", port: 1).isLoopback)
        #expect(Endpoint(scheme: "http", host: "::1", port: nil).isLoopback)
        #expect(!Endpoint(scheme: "http", host: "127.example.com", port: nil).isLoopback)
        #expect(!Endpoint(scheme: "https", host: "ecs.aliyuncs.com", port: nil).isLoopback)
    }

    @Test(arguments: [
        "ftp://x", "http://", "https://host/path", "http://host:99999", "http://user@host", "https://[::1",
        "http://:80", "https://bad host", "https://ho\u{1B}st", "https://",
    ])
    func rejectsGarbage(_ text: String) {
        #expect(throws: EndpointError.self) { try Endpoint(parsing: text, insecureHTTP: true) }
    }

    /// A value without a scheme is not taken as a host name (which would fail later as a DNS error): the
    /// message says a scheme is needed and shows an example.
    @Test(arguments: ["notaurl", "ecs.cn-beijing.aliyuncs.com", "127.0.0.1:8080", "localhost"])
    func requiresAScheme(_ text: String) {
        let error = #expect(throws: EndpointError.self) { try Endpoint(parsing: text, insecureHTTP: true) }
        let message = error?.description ?? ""
        #expect(
            message.contains("http:// or https://") && message.contains("such as https://")
                && message.contains("'\(text)'"), "\(message)")
    }
}
