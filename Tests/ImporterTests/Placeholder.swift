import Testing

@Test func ImporterPlaceholder() {}
