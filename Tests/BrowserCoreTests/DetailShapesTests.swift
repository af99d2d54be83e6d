import BrowserCore
import Foundation
import TavusAPI
import Testing

/// The pane for what newer records carry: tool calls and answers, a long system prompt, events
/// with what they carry.
@Suite("Detail pane: tool calls, folded prompts and events")
struct DetailShapesTests {
    static let prompt = "You are Rhea, a sales coach for a company that sells lake houses. " + String(repeating: "Be brief. ", count: 40)

    static func detail(for conversation: Conversation) -> ConversationDetail {
        let turns: [JSONValue] = [
            .object(["role": .string("system"), "content": .string(prompt)]),
            .object(["role": .string("user"), "content": .string("Is the invoice paid?"), "seconds_from_start": .number(5)]),
            .object(["role": .string("assistant"), "content": .null, "seconds_from_start": .number(7), "tool_calls": .array([
                .object(["id": .string("call_1"), "type": .string("function"),
                         "function": .object(["name": .string("lookup_invoice"), "arguments": .string(#"{"lake":"heron"}"#)])]),
            ])]),
            .object(["role": .string("tool"), "tool_call_id": .string("call_1"),
                     "content": .object(["status": .string("paid"), "notes": .string(String(repeating: "n", count: 300))])]),
        ]
        return ConversationDetail(conversation: conversation, events: [
            Sample.event(ConversationEvent.palJoined, at: "2025-09-10T13:02:16Z", ["face_id": .string("r79e1c033f")]),
            Sample.event(ConversationEvent.shutdown, at: "2025-09-10T13:06:53Z", ["shutdown_reason": .string("participant_left_timeout reached")]),
            Sample.event(ConversationEvent.transcriptionReady, at: "2025-09-10T13:06:58Z", ["transcript": .array(turns)]),
            Sample.event(ConversationEvent.recordingReady, at: "2025-09-10T13:08:00Z",
                         ["bucket_name": .string("tavus-recordings"), "s3_key": .string("c1/recording.mp4"), "duration": .number(277)]),
            Sample.event(ConversationEvent.perceptionUnavailable, at: "2025-09-10T13:08:01Z", ["reason": .string("camera off")]),
            Sample.event(ConversationEvent.postCallAction, at: "2025-09-10T13:08:02Z",
                         ["tool_name": .string("crm_sync"), "status": .string("success")]),
            Sample.event("application.brand_new_event", at: "2025-09-10T13:08:03Z", ["level": .number(3)]),
        ])
    }

    func browser() -> Browser {
        var browser = Browser.showing(page: 1, size: TerminalSize(rows: 60, columns: 100))
        browser.press(.enter)
        let conversation = browser.state.detail!.conversation
        browser.send(.detailLoaded(id: conversation.id, Self.detail(for: conversation)))
        return browser
    }

    @Test func joinedComesFromPalJoined() {
        let screen = browser().screen
        #expect(screen.contains("Joined     2025-09-10 13:02:16 UTC"))
        #expect(screen.contains("Duration   4m 37s"))
    }

    @Test func toolCallsAndAnswersShowOnOneLineEach() {
        let screen = browser().screen
        #expect(screen.contains(#"→ lookup_invoice {"lake": "heron"}"#))
        let answer = screen.lines.first { $0.contains("← ") }
        #expect(answer?.contains(#"← {"notes": "nnn"#) == true)
        #expect(answer?.contains("…") == true, "a long answer is shortened")
        #expect(!screen.contains("(empty)"), "the tool call's turn is not an empty one")
    }

    @Test func theSystemPromptIsFoldedUntilXExpandsIt() {
        var browser = browser()
        let folded = browser.screen.lines.filter { $0.contains("Be brief.") }
        #expect(folded.count == 1)
        #expect(folded.first?.contains("…") == true)
        browser.press(.char("x"))
        let expanded = browser.screen.lines.filter { $0.contains("Be brief.") }
        #expect(expanded.count > 3)
        #expect(browser.screen.lines.filter { $0.contains("nnnn") }.count > 1, "the tool answer expands too")
        browser.press(.char("x"))
        #expect(browser.screen.lines.filter { $0.contains("Be brief.") }.count == 1)
    }

    @Test func eventsSayWhatTheyCarry() {
        let screen = browser().screen
        #expect(screen.contains("Recording  tavus-recordings/c1/recording.mp4 · 4m 37s"))
        #expect(screen.contains("Perception unavailable: camera off"))
        #expect(screen.contains("Post-call  crm_sync (success)"))
        #expect(screen.contains(#"Event      application.brand_new_event {"level": 3}"#))
    }

    /// The pane's event lines for these events alone.
    private func lines(for events: [ConversationEvent]) -> Frame {
        var browser = Browser.showing(page: 1, size: TerminalSize(rows: 40, columns: 120))
        browser.press(.enter)
        let conversation = browser.state.detail!.conversation
        browser.send(.detailLoaded(id: conversation.id, ConversationDetail(conversation: conversation, events: events)))
        return browser.screen
    }

    @Test func aNewerRecordingShowsItsProviderAndURIOverBucketAndKey() {
        let screen = lines(for: [Sample.event(ConversationEvent.recordingReady, at: "2025-09-10T13:08:00Z", [
            "storage_provider": .string("gcs"), "storage_uri": .string("gs://acme-calls/c1/recording.mp4"),
            "bucket_name": .string("old-bucket"), "s3_key": .string("old/key.mp4"), "duration": .number(61),
        ])])
        #expect(screen.contains("Recording  gcs gs://acme-calls/c1/recording.mp4 · 1m 01s"), "\(screen.lines.filter { $0.contains("Recording") })")
        #expect(!screen.contains("old-bucket"))
    }

    @Test func aFailedCopySaysItsErrorMessage() {
        let screen = lines(for: [Sample.event(ConversationEvent.recordingCopyFailed, at: "2025-09-10T13:08:00Z", [
            "error_message": .string("AccessDenied: the bucket policy refuses tavus"),
        ])])
        #expect(screen.contains("Recording  copy failed: AccessDenied: the bucket policy refuses tavus"), "\(screen.lines.filter { $0.contains("Recording") })")
    }
}
