/// A pane's links: Tab selects one (the pane scrolls to it), Enter opens it on a screen of its
/// own, and Esc comes back to the pane as it was, its link still selected.
extension Transition {
    mutating func moveLink(by delta: Int) {
        guard var screen = top, var pane = screen.pane, let row = pane.row else { return }
        let count = row.links.count
        guard count > 0 else {
            state.message = .info("This \(screen.descriptor.singular) links to nothing")
            return
        }
        let link = pane.link.map { (($0 + delta) % count + count) % count } ?? (delta > 0 ? 0 : count - 1)
        pane.link = link
        let layout = Layout(state)
        let lines = ResourcePaneContent.linkLines(for: pane, kind: screen.kind, names: state.names, width: layout.detailBodyWidth)
        if lines.indices.contains(link) { pane.viewport.reveal(lines[link], height: layout.detailBodyHeight) }
        screen.pane = pane
        top = screen
    }

    mutating func openSelectedLink() {
        guard let pane = top?.pane, let links = pane.row?.links, !links.isEmpty else { return }
        guard let link = pane.link, links.indices.contains(link) else {
            state.message = .info("Tab selects a link, Enter opens it")
            return
        }
        follow(links[link])
    }

    /// `R` in a pane: the first replica it links to.
    mutating func openFirstLink(to kind: ResourceKind) {
        guard let screen = top, let row = screen.pane?.row else { return }
        for link in row.links {
            if case .record(kind, _) = link { return follow(link) }
        }
        state.message = .info("This \(screen.descriptor.singular) names no \(kind.descriptor.singular)")
    }

    mutating func follow(_ link: ResourceLink) {
        switch link {
        case .record(let kind, let id):
            openLinked(kind, id: id)
        case .tagged(let kind, let tag):
            var screen = ResourceScreen(kind: kind)
            screen.tag = tag
            state.views.append(screen)
            requestViewPage(reload: false)
        }
    }
}
