import Testing

@Test func SheetsPlaceholder() {}
