// Placeholder: the benchmark harness lands with the XLSX reader.
print("powerlist-benchmark")
