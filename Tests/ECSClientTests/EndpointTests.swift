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

    @Test(arguments: ["ftp://x", "http://", "https://host/path", "http://host:99999", "http://user@host", "https://[::1",
                      "http://:80", "https://bad host", "https://ho\u{1B}st", "https://"])
    func rejectsGarbage(_ text: String) {
        #expect(throws: EndpointError.self) { try Endpoint(parsing: text, insecureHTTP: true) }
    }

    /// A value without a scheme is not taken as a host name (which would fail later as a DNS error): the
    /// message says a scheme is needed and shows an example.
    @Test(arguments: ["notaurl", "ecs.cn-beijing.aliyuncs.com", "127.0.0.1:8080", "localhost"])
    func requiresAScheme(_ text: String) {
        let error = #expect(throws: EndpointError.self) { try Endpoint(parsing: text, insecureHTTP: true) }
        let message = error?.description ?? ""
        #expect(message.contains("http:// or https://") && message.contains("such as https://") && message.contains("'\(text)'"), "\(message)")
    }
}
