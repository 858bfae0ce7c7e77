import Foundation

/// Pending transitions as a binary min-heap on their end time. An instance whose transition was replaced
/// leaves a stale entry behind; the fleet skips it when it comes out (its end time no longer matches).
struct TransitionQueue: Sendable {
    private var heap: [(endsAt: Date, id: String)] = []

    var count: Int { heap.count }

    mutating func push(_ id: String, endsAt: Date) {
        heap.append((endsAt, id))
        var i = heap.count - 1
        while i > 0 {
            let parent = (i - 1) / 2
            guard heap[i].endsAt < heap[parent].endsAt else { break }
            heap.swapAt(i, parent)
            i = parent
        }
    }

    /// The soonest entry if it is due by `now`, removed from the queue.
    mutating func popDue(_ now: Date) -> (String, Date)? {
        guard let top = heap.first, top.endsAt <= now else { return nil }
        let last = heap.removeLast()
        if !heap.isEmpty {
            heap[0] = last
            var i = 0
            while true {
                let l = 2 * i + 1
                let r = l + 1
                var smallest = i
                if l < heap.count, heap[l].endsAt < heap[smallest].endsAt { smallest = l }
                if r < heap.count, heap[r].endsAt < heap[smallest].endsAt { smallest = r }
                guard smallest != i else { break }
                heap.swapAt(i, smallest)
                i = smallest
            }
        }
        return (top.id, top.endsAt)
    }
}
