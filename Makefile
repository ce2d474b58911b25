# tandem: one source tree, two interpreters.
#   make            build bin/tandem-gil and bin/tandem-ft
#   make check      build and run every test (unit, lang, crash-resistance)
#   make bench      build and run the scaling suite (see docs/benchmarking.md)
# Every src/**/*.c is compiled twice: into build/gil/ and into build/ft/
# (-DTANDEM_FT=1). configure writes config.mk and include/tandem/config.h;
# this Makefile runs it (and installs missing packages as root) when needed.

-include config.mk

MODES    := gil ft
# `make V=1` shows the full compiler command lines.
Q := $(if $(V),,@)
SRCS     := $(shell find src -name '*.c' ! -name main.c | sort)
LIB_PY   := $(sort $(wildcard src/lib/*.py))
HEADERS  := $(shell find include src -name '*.h')
UNIT_SRCS := $(sort $(wildcard tests/unit/test_*.c))

WARN     := -std=c11 -Wall -Wextra -Werror -Wno-unused-parameter -D_GNU_SOURCE
CFLAGS_ALL = $(WARN) $(OPT_CFLAGS) $(SAN_FLAGS) -Iinclude -Ibuild/gen $(URCU_CFLAGS) $(HWLOC_CFLAGS)
LDLIBS_ALL = $(MIMALLOC_LIBS) $(URCU_LIBS) $(HWLOC_LIBS) -lpthread -lm
CFLAGS_gil :=
CFLAGS_ft  := -DTANDEM_FT=1

.PHONY: all check check-unit check-lang check-crash bench install clean distclean deps
all: bin/tandem-gil bin/tandem-ft

# ---- configuration ------------------------------------------------------
config.mk include/tandem/config.h: configure.ac config.mk.in include/tandem/config.h.in scripts/install-deps
	@scripts/install-deps --if-missing
	autoreconf -fi >/dev/null
	./configure --quiet $(CONFIGURE_ARGS)

# ---- embedded Python modules (src/lib/*.py -> C string table) ----------
build/gen/tn_libsrc.h: $(LIB_PY) scripts/embed-lib
	@mkdir -p build/gen
	scripts/embed-lib $(LIB_PY) > $@.tmp && mv $@.tmp $@

# ---- per-mode objects ---------------------------------------------------
define MODE_RULES
OBJS_$(1) := $$(patsubst src/%.c,build/$(1)/%.o,$$(SRCS))
build/$(1)/%.o: src/%.c $$(HEADERS) include/tandem/config.h build/gen/tn_libsrc.h
	@mkdir -p $$(dir $$@)
	@$(if $(V),,echo "  CC [$(1)] $$<")
	$(Q)$$(CC) $$(CFLAGS_ALL) $$(CFLAGS_$(1)) -c $$< -o $$@
build/$(1)/libtandem.a: $$(OBJS_$(1))
	@rm -f $$@
	$(Q)ar rcs $$@ $$^
bin/tandem-$(1): src/main.c build/$(1)/libtandem.a
	@mkdir -p bin
	@$(if $(V),,echo "  LD $$@")
	$(Q)$$(CC) $$(CFLAGS_ALL) $$(CFLAGS_$(1)) src/main.c build/$(1)/libtandem.a $$(LDLIBS_ALL) -o $$@
build/$(1)/unit/%: tests/unit/%.c build/$(1)/libtandem.a
	@mkdir -p $$(dir $$@)
	@$(if $(V),,echo "  LD $$@")
	$(Q)$$(CC) $$(CFLAGS_ALL) $$(CFLAGS_$(1)) $$(CRITERION_CFLAGS) $$< build/$(1)/libtandem.a \
	    $$(CRITERION_LIBS) $$(LDLIBS_ALL) -o $$@
UNIT_BINS_$(1) := $$(patsubst tests/unit/%.c,build/$(1)/unit/%,$$(UNIT_SRCS))
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

bench: all
	@echo "make bench: the scaling harness (bin/tandem-bench) is not built yet; see README." >&2
	@exit 1

install: all
	install -d $(DESTDIR)$(bindir)
	install -m 755 bin/tandem-gil bin/tandem-ft $(DESTDIR)$(bindir)

clean:
	rm -rf build bin

distclean: clean
	rm -rf config.mk config.log config.status configure autom4te.cache aclocal.m4 include/tandem/config.h
