import Foundation
@testable import TavusAPI
import Testing

@Suite("Numbers and headers from a server, checked before use")
struct ServerNumbersTests {
    @Test(arguments: ["9223372036854775807", "1e19", "\"NaN\"", "\"inf\"", "-5", "1e400", "\"12abc\"", "2.5", "null"])
    func absurdTotalsAreUnknown(total: String) throws {
        let body = #"{"data": [{"conversation_id": "c1"}], "total_count": \#(total)}"#
        do {
            let page = try TavusClient.decodePage(Data(body.utf8), page: 2, limit: 10, status: .all)
            #expect(!page.totalIsExact)
            #expect(page.totalCount == 11)
            #expect(page.pageCount == 2)
        } catch {
            // 1e400 is not a JSON number Foundation reads: an unreadable answer, never a trap.
            #expect(total == "1e400")
        }
    }

    @Test func aTotalSmallerThanThePageShowsIsRaised() throws {
        let body = #"{"data": [{"conversation_id": "c1"}, {"conversation_id": "c2"}], "total_count": 3}"#
        let page = try TavusClient.decodePage(Data(body.utf8), page: 3, limit: 2, status: .all)
        #expect(page.totalCount == 6)
        #expect(page.pageCount == 3)
    }

    @Test func pageCountCannotOverflow() {
        #expect(ConversationPage.pageCount(total: Count.maximum, limit: Int.max) == 1)
        #expect(ConversationPage.pageCount(total: Int.max, limit: 1) == Int.max)
        let page = ConversationPage(items: [], page: Int.max, limit: Int.max, status: .all, reportedTotal: nil)
        #expect(page.pageCount == Int.max)
    }

    @Test func counts() {
        #expect(Count.read("42") == 42)
        #expect(Count.read("42.0") == 42)
        #expect(Count.read("1000000000001") == nil)
        #expect(Count.read("nan") == nil)
        #expect(Count.read("-1") == nil)
        #expect(Count.read(nil) == nil)
    }

    @Test func transcriptOffsetsOutOfRangeAreMissing() throws {
        let body = #"""
            {"conversation_id": "c1", "events": [
              {"event_type": "application.transcription_ready", "properties": {"transcript": [
                {"role": "user", "content": "a", "seconds_from_start": 1e300},
                {"role": "user", "content": "b", "seconds_from_start": "nan"},
                {"role": "user", "content": "c", "seconds_from_start": -3},
                {"role": "user", "content": "d", "seconds_from_start": 12.5},
                17
              ]}},
              "not an event",
              {"event_type": "system.shutdown", "properties": {"shutdown_reason": "participant_left_timeout reached"}}
            ]}
            """#
        let detail = try TavusClient.decodeDetail(Data(body.utf8))
        #expect(detail.transcript.map(\.secondsFromStart) == [nil, nil, nil, 12.5, nil])
        #expect(detail.transcript.last?.content == "(unreadable turn)")
        #expect(detail.events?.map(\.type) == [ConversationEvent.transcriptionReady, ConversationEvent.unreadable, ConversationEvent.shutdown])
        #expect(detail.shutdownReason == "participant_left_timeout reached")
    }

    @Test func retryAfterAsSecondsOrAnHTTPDate() {
        let now = Date(timeIntervalSince1970: 784_111_770)  // Sun, 06 Nov 1994 08:49:30 GMT
        #expect(RetryAfter.seconds("3") == 3)
        #expect(RetryAfter.seconds(" 1.5 ") == 1.5)
        #expect(RetryAfter.seconds("Sun, 06 Nov 1994 08:49:37 GMT", now: now) == 7)
        #expect(RetryAfter.seconds("Sun, 06 Nov 1994 08:49:00 GMT", now: now) == 0)
        for bad in ["nan", "inf", "-4", "soon", "", "1e400"] {
            #expect(RetryAfter.seconds(bad) == nil, "\(bad)")
        }
        #expect(RetryAfter.seconds(nil) == nil)
    }

    @Test func backoffIsCappedWithFullJitter() {
        let policy = RetryPolicy.standard
        let error = TavusError.http(status: 503, message: nil)
        #expect(policy.delay(after: error, attempt: 1, random: 0) == 0)
        #expect(policy.delay(after: error, attempt: 1, random: 1) == 0.3)
        #expect(policy.delay(after: error, attempt: 3, random: 1) == 1.2)
        #expect(policy.delay(after: error, attempt: 10_000, random: 1) == 8)
        #expect(policy.delay(after: .http(status: 429, message: nil, retryAfter: .nan), attempt: 1, random: 1) == 0.3)
        #expect(policy.delay(after: .http(status: 429, message: nil, retryAfter: 100), attempt: 1) == 8)
    }
}

@Suite("Proxy settings from the environment")
struct ProxySettingsTests {
    let api = URL(string: "https://tavusapi.com/v2/conversations")!

    @Test func httpsProxyForHttps() {
        let settings = ProxySettings(environment: ["HTTPS_PROXY": "http://user:p%40ss@proxy.corp:3128", "HTTP_PROXY": "other:80"])
        #expect(settings.server(for: api) == .init(host: "proxy.corp", port: 3128, credentials: "user:p@ss"))
        #expect(settings.server(for: URL(string: "http://example.com")!)?.host == "other")
    }

    @Test func lowerCaseWins() {
        let settings = ProxySettings(environment: ["HTTPS_PROXY": "upper:1", "https_proxy": "lower:2"])
        #expect(settings.server(for: api)?.host == "lower")
    }

    @Test(arguments: ["tavusapi.com", ".tavusapi.com", "*", "example.com,tavusapi.com", "tavusapi.com:443", " TAVUSAPI.COM "])
    func noProxyBypasses(noProxy: String) {
        let settings = ProxySettings(environment: ["HTTPS_PROXY": "proxy:3128", "NO_PROXY": noProxy])
        #expect(settings.server(for: api) == nil)
    }

    @Test(arguments: ["example.com", "api.com", "tavusapi.com:8443", "sometavusapi.com"])
    func noProxyDoesNotBypassOthers(noProxy: String) {
        let settings = ProxySettings(environment: ["HTTPS_PROXY": "proxy:3128", "no_proxy": noProxy])
        #expect(settings.server(for: api)?.host == "proxy")
    }

    @Test func noProxySet() {
        #expect(ProxySettings(environment: [:]).server(for: api) == nil)
        #expect(ProxySettings(environment: ["HTTPS_PROXY": "socks5://x:1"]).server(for: api) == nil)
    }
}
