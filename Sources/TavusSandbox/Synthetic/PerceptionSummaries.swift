/// End-of-call visual summaries in the markdown-like style of `application.perception_analysis`.
enum PerceptionSummaries {
    static let appearances = [
        "adult seated at a desk in a home office",
        "person in a bright kitchen, laptop on the counter",
        "user in a meeting room with a whiteboard behind them",
        "adult wearing headphones in a shared office",
        "person on a sofa, camera slightly below eye level",
    ]
    static let emotions = [
        "mostly calm and attentive; smiled when the objection was resolved",
        "focused, occasionally frowning while reading the screen",
        "relaxed and talkative; laughed a few times",
        "a little nervous at first, more confident towards the end",
        "engaged throughout, nodding often",
    ]
    static let screens = [
        "none",
        "shared a spreadsheet briefly",
        "switched between a browser and a slide deck",
        "looked at a second monitor several times",
    ]

    static func make(using random: inout SplitMix64) -> String {
        """
        Summary of visual observations over the call:
        * **User Appearance:** \(appearances.pick(using: &random)).
        * **Emotional States:** \(emotions.pick(using: &random)).
        * **Notable Screen Activities:** \(screens.pick(using: &random)).
        """
    }
}
