# tandem: one source tree, two interpreters.
#   make            build bin/tandem-gil and bin/tandem-ft
#   make check      build and run every test (unit, lang, crash-resistance)
#   make bench      build and run the scaling suite (see docs/benchmarking.md)
# Every src/**/*.c is compiled twice: into build/gil/ and into build/ft/
# (-DTANDEM_FT=1). configure writes config.mk and include/tandem/config.h;
# this Makefile runs it (and installs missing packages as root) when needed.

-include config.mk

MODES    := gil ft
# Output directories; the sanitizer targets build into their own
# (`make BUILDDIR=build-asan BINDIR=bin-asan ...`) so they never mix objects.
BUILDDIR ?= build
BINDIR   ?= bin
# `make V=1` shows the full compiler command lines.
Q := $(if $(V),,@)
SRCS     := $(shell find src -name '*.c' ! -name main.c | sort)
LIB_PY   := $(sort $(shell find src/lib -name '*.py'))
HEADERS  := $(shell find include src -name '*.h')
UNIT_SRCS := $(sort $(wildcard tests/unit/test_*.c))

WARN     := -std=c11 -Wall -Wextra -Werror -Wno-unused-parameter -D_GNU_SOURCE
CFLAGS_ALL = $(WARN) $(OPT_CFLAGS) $(SAN_FLAGS) -Iinclude -I$(BUILDDIR)/gen $(URCU_CFLAGS) $(HWLOC_CFLAGS)
LDLIBS_ALL = $(MIMALLOC_LIBS) $(URCU_LIBS) $(HWLOC_LIBS) -lpthread -lm
CFLAGS_gil :=
CFLAGS_ft  := -DTANDEM_FT=1

.PHONY: all check check-unit check-lang check-crash bench install clean distclean deps
all: $(BINDIR)/tandem-gil $(BINDIR)/tandem-ft

# ---- configuration ------------------------------------------------------
config.mk include/tandem/config.h: configure.ac config.mk.in include/tandem/config.h.in scripts/install-deps
	@scripts/install-deps --if-missing
	autoreconf -fi >/dev/null
	./configure --quiet $(CONFIGURE_ARGS)

# ---- embedded Python modules (src/lib/*.py -> C string table) ----------
$(BUILDDIR)/gen/tn_libsrc.h: $(LIB_PY) scripts/embed-lib
	@mkdir -p $(BUILDDIR)/gen
	scripts/embed-lib $(LIB_PY) > $@.tmp && mv $@.tmp $@

# ---- per-mode objects ---------------------------------------------------
define MODE_RULES
OBJS_$(1) := $$(patsubst src/%.c,$(BUILDDIR)/$(1)/%.o,$$(SRCS))
$(BUILDDIR)/$(1)/%.o: src/%.c $$(HEADERS) include/tandem/config.h $(BUILDDIR)/gen/tn_libsrc.h
	@mkdir -p $$(dir $$@)
	@$(if $(V),,echo "  CC [$(1)] $$<")
	$(Q)$$(CC) $$(CFLAGS_ALL) $$(CFLAGS_$(1)) -c $$< -o $$@
$(BUILDDIR)/$(1)/libtandem.a: $$(OBJS_$(1))
	@rm -f $$@
	$(Q)ar rcs $$@ $$^
$(BINDIR)/tandem-$(1): src/main.c $(BUILDDIR)/$(1)/libtandem.a
	@mkdir -p $(BINDIR)
	@$(if $(V),,echo "  LD $$@")
	$(Q)$$(CC) $$(CFLAGS_ALL) $$(CFLAGS_$(1)) src/main.c $(BUILDDIR)/$(1)/libtandem.a $$(LDLIBS_ALL) -o $$@
$(BUILDDIR)/$(1)/unit/%: tests/unit/%.c tests/unit/unit_probe.h $(BUILDDIR)/$(1)/libtandem.a
	@mkdir -p $$(dir $$@)
	@$(if $(V),,echo "  LD $$@")
	$(Q)$$(CC) $$(CFLAGS_ALL) $$(CFLAGS_$(1)) $$(CRITERION_CFLAGS) $$< $(BUILDDIR)/$(1)/libtandem.a \
	    $$(CRITERION_LIBS) $$(LDLIBS_ALL) -o $$@
UNIT_BINS_$(1) := $$(patsubst tests/unit/%.c,$(BUILDDIR)/$(1)/unit/%,$$(UNIT_SRCS))
endef
$(foreach m,$(MODES),$(eval $(call MODE_RULES,$(m))))

# ---- tests --------------------------------------------------------------
check: all
	@scripts/check-all

check-unit: $(UNIT_BINS_gil) $(UNIT_BINS_ft)
	@scripts/run-unit $(UNIT_BINS_gil) $(UNIT_BINS_ft)

check-lang: all
	@scripts/run-lang-tests bin/tandem-gil bin/tandem-ft

check-crash: all
	@scripts/crash-test bin/tandem-gil bin/tandem-ft

# ---- benchmark harness: bin/tandem-bench (bench/harness, docs/benchmarking.md)
# One program for both builds (it runs them as child processes); the paths
# and configure flags it records in results.json are compiled in.
BENCH_SRCS := $(sort $(wildcard bench/harness/*.c))
BENCH_OBJS := $(patsubst bench/harness/%.c,$(BUILDDIR)/bench/%.o,$(BENCH_SRCS))
BENCH_DEFS := -DTB_SRCROOT='"$(CURDIR)"' -DTB_CONFIGURE_FLAGS='"$(CONFIGURE_FLAGS)"' \
              -DTB_OPT_CFLAGS='"$(OPT_CFLAGS)"'
# `make bench` must finish within 10 minutes on a 2-core machine and
# bench-quick within 2 (docs/benchmarking.md has the arithmetic).
BENCH_ARGS       ?= --repeat 3 --warmup 1 --scale 0.2
BENCH_QUICK_ARGS ?= --repeat 1 --warmup 0 --scale 0.1
comma := ,
BENCH_PY3        := $(if $(shell command -v python3 2>/dev/null),$(comma)python3)
.PHONY: bench bench-quick check-bench
$(BUILDDIR)/bench/%.o: bench/harness/%.c bench/harness/harness.h config.mk
	@mkdir -p $(dir $@)
	@$(if $(V),,echo "  CC [bench] $<")
	$(Q)$(CC) $(WARN) $(OPT_CFLAGS) $(SAN_FLAGS) $(HWLOC_CFLAGS) $(BENCH_DEFS) -c $< -o $@
$(BINDIR)/tandem-bench: $(BENCH_OBJS)
	@mkdir -p $(BINDIR)
	@$(if $(V),,echo "  LD $@")
	$(Q)$(CC) $(OPT_CFLAGS) $(SAN_FLAGS) $(BENCH_OBJS) $(HWLOC_LIBS) -lm -o $@
$(BUILDDIR)/bench/test_harness: tests/bench/test_harness.c $(filter-out %/main.o,$(BENCH_OBJS))
	@$(if $(V),,echo "  LD $@")
	$(Q)$(CC) $(WARN) $(OPT_CFLAGS) $(CRITERION_CFLAGS) -Ibench/harness $^ $(CRITERION_LIBS) \
	    $(HWLOC_LIBS) -lm -o $@

bench: all $(BINDIR)/tandem-bench
	$(BINDIR)/tandem-bench run --builds gil,ft$(BENCH_PY3) $(BENCH_ARGS) --out results/latest

bench-quick: all $(BINDIR)/tandem-bench
	$(BINDIR)/tandem-bench run --builds gil,ft$(BENCH_PY3) $(BENCH_QUICK_ARGS) --out results/quick

check-bench: all $(BINDIR)/tandem-bench $(BUILDDIR)/bench/test_harness
	@tests/bench/run.sh $(BINDIR) $(BUILDDIR)/bench/test_harness

install: all
	install -d $(DESTDIR)$(bindir)
	install -m 755 bin/tandem-gil bin/tandem-ft $(DESTDIR)$(bindir)

clean:
	rm -rf build bin

distclean: clean
	rm -rf config.mk config.log config.status configure autom4te.cache aclocal.m4 include/tandem/config.h

# ---- stress suite and sanitizer builds (docs/stress.md) -----------------
# check-stress: brief, both builds. stress: long, threads 2..64.
# check-asan / check-tsan: instrumented builds in their own directories
# (recursive make with BUILDDIR/BINDIR), then the suites on them. Any
# sanitizer report makes the run fail (halt_on_error, distinct exit code).
STRESS_THREADS ?= 2,4
STRESS_SECONDS ?= 1
ASAN_CFLAGS := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
TSAN_CFLAGS := -fsanitize=thread -fno-omit-frame-pointer
# detect_leaks=0: objects alive at exit (modules, interned strings) are not
# freed at teardown yet, so LeakSanitizer would only report those.
ASAN_ENV := ASAN_OPTIONS=halt_on_error=1:exitcode=66:detect_leaks=0:abort_on_error=0 \
            UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1:exitcode=66
TSAN_ENV := TSAN_OPTIONS="halt_on_error=1 exitcode=66 second_deadlock_stack=1 suppressions=$(CURDIR)/tests/stress/tsan.supp"
.PHONY: stress check-stress check-asan check-tsan clean-san

check-stress: all
	@scripts/run-stress --threads $(STRESS_THREADS) --seconds $(STRESS_SECONDS) \
	    $(BINDIR)/tandem-gil $(BINDIR)/tandem-ft

stress: all
	@scripts/run-stress --threads 2,4,8,16,32,64 --seconds 10 $(BINDIR)/tandem-gil $(BINDIR)/tandem-ft

check-asan:
	@$(MAKE) --no-print-directory BUILDDIR=build-asan BINDIR=bin-asan OPT_CFLAGS='-O1 -g' \
	    SAN_FLAGS='$(ASAN_CFLAGS)' all
	@echo "== script tests under ASan+UBSan"; st=0; \
	$(ASAN_ENV) scripts/run-lang-tests bin-asan/tandem-gil bin-asan/tandem-ft | grep -v '^PASS' || st=1; \
	echo "== stress suite under ASan+UBSan"; \
	$(ASAN_ENV) scripts/run-stress --threads $(STRESS_THREADS) --seconds $(STRESS_SECONDS) \
	    bin-asan/tandem-gil bin-asan/tandem-ft || st=1; exit $$st

check-tsan:
	@$(MAKE) --no-print-directory BUILDDIR=build-tsan BINDIR=bin-tsan OPT_CFLAGS='-O1 -g' \
	    SAN_FLAGS='$(TSAN_CFLAGS)' bin-tsan/tandem-ft
	@echo "== stress suite under TSan (ft build)"
	@$(TSAN_ENV) scripts/run-stress --threads $(STRESS_THREADS) --seconds $(STRESS_SECONDS) bin-tsan/tandem-ft

clean-san:
	rm -rf build-asan bin-asan build-tsan bin-tsan
