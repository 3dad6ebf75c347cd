import Dispatch

/// Runs work on each element on its own thread and returns the results in order.
package enum ParallelWork {
  package static func map<Element: Sendable, Result: Sendable>(
    _ elements: [Element], _ body: @escaping @Sendable (Int, Element) -> Result
  ) -> [Result] {
    let slots = ResultSlots<Result>(elements.count)
    DispatchQueue.concurrentPerform(iterations: elements.count) { index in
      slots.base[index] = body(index, elements[index])
    }
    return (0..<elements.count).map { slots.base[$0]! }
  }
}

/// One slot per parallel task, each written by exactly one thread, read after all have finished.
private final class ResultSlots<Result>: @unchecked Sendable {
  let base: UnsafeMutablePointer<Result?>
  let count: Int

  init(_ count: Int) {
    self.count = count
    base = .allocate(capacity: count)
    base.initialize(repeating: nil, count: count)
  }

  deinit {
    base.deinitialize(count: count)
    base.deallocate()
  }
}
