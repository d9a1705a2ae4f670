import Testing

@Test func PowerlistPlaceholder() {}
