#!/usr/bin/env bash
# Builds one libFuzzer harness (address sanitizer on) and runs it for a bounded time.
#
#   Fuzz/run.sh TARGET [SECONDS]     TARGET: xlsx | xls | csv | import | citation | xml   (default 60 s)
#   Fuzz/run.sh all [SECONDS]        every target, SECONDS shared among them (at least 10 s each)
#
# The package's modules are built once by SwiftPM into .build/fuzz with coverage
# instrumentation (-sanitize=fuzzer,address); each harness in Fuzz/Targets is then linked
# against their object files. Seeds come from Fuzz/Seeds/main.swift (the project's own writers),
# the corpus grows in .build/fuzz/corpus/TARGET, and a crash is written to
# .build/fuzz/crashes/TARGET/ and fails the run. Adding a target: one file in Fuzz/Targets
# named after it, plus its modules in MODULES below.
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:?usage: Fuzz/run.sh TARGET|all [SECONDS]}
seconds=${2:-60}
targets=(xlsx xls csv import citation xml)
if [ "$target" = all ]; then
    each_seconds=$(( seconds / ${#targets[@]} > 10 ? seconds / ${#targets[@]} : 10 ))
    for each in "${targets[@]}"; do "$0" "$each" "$each_seconds"; done
    exit 0
fi

out=.build/fuzz
sanitize=(-sanitize=fuzzer,address)
# The object files each harness links: its modules and everything below them (Concurrency is
# the bottom, under Sheets and Cleanup).
declare -A MODULES=([xlsx]="Sheets Concurrency ZIPFoundation" [xls]="Sheets Concurrency ZIPFoundation"
                    [csv]="Sheets Concurrency ZIPFoundation"
                    [import]="Importer Schemas Sheets Catalogue Concurrency ZIPFoundation Yams CYaml"
                    [citation]="Cleanup Schemas Catalogue Concurrency Yams CYaml Sheets ZIPFoundation"
                    [xml]="Sheets Concurrency ZIPFoundation")
# Test support a harness compiles with it.
declare -A SOURCES=([xml]="Tests/SheetsTests/XMLEventLog.swift")
[ -f "Fuzz/Targets/$target.swift" ] && [ -n "${MODULES[$target]:-}" ] || { echo "unknown target $target" >&2; exit 2; }

# 1. The modules, instrumented (built only when their sources changed).
for built in Importer Cleanup; do
    swift build --build-path "$out" --target "$built" -Xswiftc -sanitize=fuzzer,address -Xcc -fsanitize=fuzzer-no-link,address >&2
done
modules="$out/debug/Modules"
includes=(-I "$modules" -I Sources/CLibXML2 -I Sources/CLibZ -Xcc -I/usr/include/libxml2
          -I "$out/checkouts/ZIPFoundation/Sources/CZLib" -I "$out/checkouts/Yams/Sources/CYaml/include")
objects=()
for module in ${MODULES[$target]}; do
    while IFS= read -r object; do objects+=("$object"); done < <(find "$out/debug/$module.build" -name '*.o')
done

# 2. The harness.
binary="$out/fuzz-$target"
# shellcheck disable=SC2086 # SOURCES holds paths without spaces, split on purpose
swiftc "${sanitize[@]}" -parse-as-library -g "${includes[@]}" "Fuzz/Targets/$target.swift" Fuzz/Targets/FuzzLimits.swift \
    ${SOURCES[$target]:-} \
    "${objects[@]}" -lxml2 -lz -o "$binary"

# 3. Seeds, made by the project's writers, then the run.
if [ ! -d "$out/seeds/$target" ]; then
    swiftc -g "${includes[@]}" Fuzz/Seeds/main.swift \
        Tests/SheetsTests/XLSTestWorkbook.swift Tests/SheetsTests/CompoundFileWriter.swift \
        "$out/debug/Sheets.build"/*.o "$out/debug/Concurrency.build"/*.o "$out/debug/ZIPFoundation.build"/*.o \
        -sanitize=address -lxml2 -lz \
        -o "$out/seeds-writer"
    ASAN_OPTIONS=detect_leaks=0 "$out/seeds-writer" "$out/seeds" Catalogues/examples
fi
mkdir -p "$out/corpus/$target" "$out/crashes/$target" "$out/seeds/$target"
ASAN_OPTIONS=detect_leaks=0 "$binary" "$out/corpus/$target" "$out/seeds/$target" \
    -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -max_len=65536 \
    -artifact_prefix="$out/crashes/$target/" -print_final_stats=1
