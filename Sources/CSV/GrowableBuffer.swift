#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A manually managed, growable buffer of plain values: appends are a `memcpy`, without the
/// uniqueness checks and generic paths of `Array`, which matter in libcsv's per-field callback.
struct GrowableBuffer<Element: BitwiseCopyable>: ~Copyable {
  private(set) var base: UnsafeMutablePointer<Element>
  private(set) var count = 0
  private var capacity: Int

  init(capacity: Int) {
    self.capacity = max(capacity, 16)
    base = .allocate(capacity: self.capacity)
  }

  deinit { base.deallocate() }

  subscript(index: Int) -> Element {
    get { base[index] }
    nonmutating set { base[index] = newValue }
  }

  var contents: UnsafeBufferPointer<Element> { UnsafeBufferPointer(start: base, count: count) }

  mutating func append(_ element: Element) {
    if count == capacity { grow(to: count + 1) }
    base[count] = element
    count += 1
  }

  mutating func append(_ elements: UnsafeRawBufferPointer) {
    let added = elements.count / MemoryLayout<Element>.stride
    if count + added > capacity { grow(to: count + added) }
    memcpy(base + count, elements.baseAddress!, elements.count)
    count += added
  }

  /// Drops the first `prefix` elements, moving the rest to the front.
  mutating func removeFirst(_ prefix: Int) {
    let kept = count - prefix
    if kept > 0 { memmove(base, base + prefix, kept * MemoryLayout<Element>.stride) }
    count = kept
  }

  private mutating func grow(to minimum: Int) {
    var newCapacity = capacity * 2
    while newCapacity < minimum { newCapacity *= 2 }
    let newBase = UnsafeMutablePointer<Element>.allocate(capacity: newCapacity)
    newBase.update(from: base, count: count)
    base.deallocate()
    base = newBase
    capacity = newCapacity
  }
}
