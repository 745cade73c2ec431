# The two commands a newcomer runs: `make run` and `make test`. Both set up the machine first.
BUILD ?= build
SAN_BUILD ?= build-sanitize
FUZZ_BUILD ?= build-fuzz
FUZZ_SECONDS ?= 60
JOBS ?= $(shell nproc)

.PHONY: setup build run test unit-test sanitize-test fuzz-test e2e-test bench format clean

setup:
	@bash scripts/setup

build: setup
	@cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)

# The demo server: UBND thị xã Đức Phổ with its users and the dev notice confirmed. The demo
# password comes from DONDOC_DEMO_PASSWORD, else a random one is printed once.
run: build
	@echo "Starting the demo server; sign in as vanphong, chutich, tckh, ... (see ../shared/spec/api-core.md)"
	$(BUILD)/dondoc serve --demo --db $(BUILD)/demo.db --host 127.0.0.1 --port $${PORT:-8080}

unit-test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

# Warnings are errors in the main build; the sanitizer and clang fuzz builds only report them.
sanitize-test: setup
	@cmake -S . -B $(SAN_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Sanitize -DDONDOC_BENCH=OFF -DDONDOC_WERROR=OFF >/dev/null
	@cmake --build $(SAN_BUILD) -j $(JOBS)
	cd $(SAN_BUILD) && ctest --output-on-failure -j $(JOBS) -L unit

fuzz-test: setup
	@CC=clang CXX=clang++ cmake -S . -B $(FUZZ_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DDONDOC_FUZZ=ON -DDONDOC_TESTS=OFF -DDONDOC_BENCH=OFF -DDONDOC_WERROR=OFF >/dev/null
	@cmake --build $(FUZZ_BUILD) -j $(JOBS) --target fuzz_targets
	bash tests/fuzz/run $(FUZZ_BUILD) $(FUZZ_SECONDS)

# Browser tests: `dondoc serve --demo` driven through Debian's Chromium (tests/e2e/). Screenshots
# of every main page go to $(BUILD)/screenshots/.
e2e-test: build
	cd tests/e2e && DONDOC_BIN=$(abspath $(BUILD))/dondoc SCREENSHOTS=$(abspath $(BUILD))/screenshots \
	  node --test --test-concurrency=1 e2e.test.mjs

test: unit-test sanitize-test fuzz-test e2e-test

bench: build
	bash bench/run $(BUILD)

format:
	clang-format -i $$(git ls-files 'src/*.cc' 'src/*.h' 'bench/*.cc' 'tests/*.cc')

clean:
	rm -rf $(BUILD) $(SAN_BUILD) $(FUZZ_BUILD)
