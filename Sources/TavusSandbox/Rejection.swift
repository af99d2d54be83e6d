/// A request the API turns down, thrown with the answer to give.
struct Rejection: Error {
    let reply: SandboxReply

    init(_ reply: SandboxReply) {
        self.reply = reply
    }
}
