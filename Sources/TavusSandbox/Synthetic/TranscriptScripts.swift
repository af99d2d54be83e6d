import Foundation

/// Conversation scripts that synthetic transcripts are cut from, one per kind of call.
struct TranscriptScript: Sendable {
    /// Words in a conversation name that mark this kind of call.
    let keywords: [String]
    let systemPrompt: String
    /// User line and assistant reply, in the order a call would go.
    let exchanges: [(user: String, assistant: String)]

    static let closings = [
        "Great, thanks. That's all for today.",
        "Perfect, I have to jump into another call. Bye!",
        "Thanks, this was really helpful.",
        "Okay, let's pick this up next week.",
    ]

    /// The script whose keywords the name contains, or the general coaching one.
    static func matching(_ name: String) -> TranscriptScript {
        all.first { script in script.keywords.contains { name.localizedCaseInsensitiveContains($0) } } ?? general
    }

    static let all = [sales, onboarding, support, interview]

    static let sales = TranscriptScript(
        keywords: ["sales", "pricing", "renewal", "demo", "launch"],
        systemPrompt: "You are a friendly sales coach. Keep replies short and play the customer when asked.",
        exchanges: [
            ("Hi, can we practise handling a pricing objection?",
             "Sure. I'll play the customer: your price is twice what we pay now."),
            ("I hear you. Can I ask what your current tool costs you in lost time each week?",
             "Good move, you're reframing around cost of inaction. Honestly, maybe three hours a week."),
            ("At your team size that's about forty hours a month. We cut that by two thirds.",
             "That's a strong number. As the customer I'd still ask whether you offer a pilot."),
            ("We can run a thirty-day pilot with two teams and agree success criteria up front.",
             "Nice. You anchored the pilot to outcomes instead of discounting. Want to try a tougher objection?"),
            ("Yes, give me the 'we're locked into a contract' one.",
             "Okay: we signed a two-year deal with your competitor last spring."),
            ("Understood. When does that renewal window open, and who owns the decision?",
             "Good discovery questions. You kept it about timing rather than arguing. Let's review your pacing."),
            ("Was I talking too fast?",
             "A little in the opening. Pause after your question and let the customer fill the silence."),
        ]
    )

    static let onboarding = TranscriptScript(
        keywords: ["onboarding", "新人研修", "היכרות"],
        systemPrompt: "You are an onboarding guide for new customers. Walk through setup one step at a time.",
        exchanges: [
            ("Hi, I just signed up and I'm not sure where to start.",
             "Welcome! Let's begin by connecting your workspace. Do you see the Settings tab on the left?"),
            ("Yes, I'm in Settings now.",
             "Great. Open Integrations and choose the calendar you use every day."),
            ("Done, it's asking for permission to read my events.",
             "That's expected: we only read titles and times to suggest meeting notes. Go ahead and allow it."),
            ("Okay, it says connected.",
             "Perfect. Next, invite one teammate so you can try shared notes together."),
            ("Can I invite someone later instead?",
             "Of course. You'll find Invite under your profile picture whenever you're ready."),
            ("What should I do first tomorrow morning?",
             "Open the Today view. It lists your meetings with a one-line brief for each."),
            ("And if something breaks?",
             "Use the help button at the bottom right; it opens a chat with our support team."),
        ]
    )

    static let support = TranscriptScript(
        keywords: ["support", "دعم", "check-in", "回访", "kundengespräch"],
        systemPrompt: "You are a patient technical support agent. Confirm the problem before suggesting fixes.",
        exchanges: [
            ("Hello, our exports have been failing since yesterday.",
             "Sorry about that. Which format are you exporting, CSV or PDF?"),
            ("CSV. It spins for a minute and then shows an error.",
             "Thanks. Does it happen for every report, or only the large ones?"),
            ("Only the monthly report, the weekly ones work.",
             "That points to the size limit. The monthly report is probably over fifty thousand rows."),
            ("Is there a way around it?",
             "Yes: filter by region and export in parts, or schedule the export so it runs in the background."),
            ("Scheduling sounds better. Where is that?",
             "Open the report, choose the clock icon, and pick a daily or monthly schedule. The file arrives by email."),
            ("Will that still count against our plan?",
             "No, scheduled exports are included. I'll also raise the limit issue with engineering."),
            ("Can you send me a ticket number?",
             "Of course. You'll get it by email in a minute, with a summary of today's call."),
        ]
    )

    static let interview = TranscriptScript(
        keywords: ["interview", "面接", "entrevista"],
        systemPrompt: "You are an interviewer running a mock behavioural interview. Give feedback at the end.",
        exchanges: [
            ("Hi, I'd like to practise for a behavioural interview.",
             "Happy to help. Tell me about a time you disagreed with your manager."),
            ("In my last role my manager wanted to ship a feature without testing it with users.",
             "What did you do about it?"),
            ("I proposed a one-week test with five customers and showed him the risks.",
             "And the result?"),
            ("Two of the five got stuck on the same step, so we fixed it before launch.",
             "Good: a clear situation, action and result. Next question: describe a project that failed."),
            ("We missed a deadline because I underestimated a data migration.",
             "What would you do differently now?"),
            ("I'd split the migration into stages and report risks every week.",
             "Strong answer. You own the mistake without dwelling on it."),
            ("How did I do overall?",
             "Well. Quantify your results more often, and keep answers under two minutes."),
        ]
    )

    static let general = TranscriptScript(
        keywords: [],
        systemPrompt: "You are a concise, warm coach. Summarise decisions at the end of the call.",
        exchanges: [
            ("Hi! Thanks for making time today.",
             "Of course. What would you like to focus on?"),
            ("Mostly the roadmap for next quarter.",
             "Sounds good. What are the top three goals you have in mind?"),
            ("Reduce churn, launch the mobile app, and hire two engineers.",
             "That's ambitious. Which of those matters most if you could only do one?"),
            ("Probably churn. It affects everything else.",
             "Agreed. What do you know about why customers leave?"),
            ("Exit surveys mention onboarding and missing integrations.",
             "Then a quick win could be a guided setup for new accounts."),
            ("I like that. Can we test it with the next cohort?",
             "Yes. Let's define the success metric now: activation within seven days."),
            ("Can you send me a summary?",
             "I'll send a recap with the three goals, the churn focus and the activation metric."),
        ]
    )
}
