import Testing

@Test func CataloguePlaceholder() {}
