import Testing

@Test func StorePlaceholder() {}
