/// The last `capacity` elements appended, oldest first, in storage that never grows past the
/// capacity: for histories kept as long as the console runs.
public struct Ring<Element> {
    public let capacity: Int
    private var storage: [Element] = []
    /// Index of the oldest element once `storage` is full.
    private var head = 0

    public init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// Oldest first.
    public var elements: [Element] {
        storage.count < capacity ? storage : Array(storage[head...] + storage[..<head])
    }

    public var count: Int { storage.count }

    /// The oldest element kept.
    public var first: Element? { storage.count < capacity ? storage.first : storage[head] }

    /// Adds `element`, forgetting the oldest when full.
    public mutating func append(_ element: Element) {
        if storage.count < capacity {
            storage.append(element)
        } else {
            storage[head] = element
            head = (head + 1) % capacity
        }
    }

    /// Keeps only the elements that satisfy `isIncluded`, in order.
    public mutating func keep(where isIncluded: (Element) -> Bool) {
        storage = elements.filter(isIncluded)
        head = 0
    }
}

extension Ring: Sendable where Element: Sendable {}
extension Ring: Equatable where Element: Equatable {
    /// The same elements in the same order, wherever the oldest sits in storage.
    public static func == (lhs: Ring, rhs: Ring) -> Bool { lhs.capacity == rhs.capacity && lhs.elements == rhs.elements }
}
