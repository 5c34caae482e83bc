"""Builds the STIX objects of an SDK-written bundle with the OASIS Python library (stix2) and writes them back to
JSON, the Python counterpart of the SDK's share-to-STIX mapping (StixMappingBenchmark.mapShare), and parses alone
(StixMappingBenchmark.parseBundle). Prints objects per second.

Usage: /usr/bin/python3 stix2_map.py <folder holding the stix2 and stix2patterns packages> <stix-bundle.json> [seconds]

stix2 imports the STIX pattern validator, whose ANTLR grammar needs a newer ANTLR runtime than Debian 12's; when that
import fails, the pattern modules are replaced by empty stand-ins (the bundle has no indicator, so no pattern is
ever validated) and the script says so.
"""
import importlib.abc
import importlib.machinery
import json
import sys
import time
import types


class _StandIn(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    def find_spec(self, name, path, target=None):
        if name == "stix2patterns" or name.startswith("stix2patterns."):
            return importlib.machinery.ModuleSpec(name, self, is_package=True)
        return None

    def create_module(self, spec):
        m = types.ModuleType(spec.name)
        m.__path__ = []
        m.run_validator = lambda *a, **k: []
        m.__getattr__ = lambda attr: type(attr, (object,), {})
        return m

    def exec_module(self, module):
        pass


def main():
    sys.path.insert(0, sys.argv[1])
    stand_in = False
    try:
        import stix2patterns.validator  # noqa: F401
    except Exception:
        for name in [n for n in sys.modules if n.startswith("stix2patterns")]:
            del sys.modules[name]
        sys.meta_path.insert(0, _StandIn())
        stand_in = True
    import stix2

    with open(sys.argv[2], encoding="utf-8") as f:
        bundle = json.load(f)
    seconds = float(sys.argv[3]) if len(sys.argv) > 3 else 10.0
    objects = bundle["objects"]

    def build_and_write():
        built = [stix2.parse(o, allow_custom=True, version="2.1") for o in objects]
        return [o.serialize() for o in built]

    def parse_only():
        return stix2.parse(bundle, allow_custom=True, version="2.1")

    for label, fn in (("map (build + serialise)", build_and_write), ("parse bundle", parse_only)):
        end = time.perf_counter() + min(3.0, seconds / 3)
        while time.perf_counter() < end:  # warm-up
            fn()
        n = 0
        t0 = time.perf_counter()
        while time.perf_counter() - t0 < seconds:
            fn()
            n += 1
        elapsed = time.perf_counter() - t0
        print("stix2 %s %s: %d bundles of %d objects in %.1f s, %.1f bundles/s, %.0f objects/s%s" % (
            stix2.__version__, label, n, len(objects), elapsed, n / elapsed, n * len(objects) / elapsed,
            " (pattern validator stand-in)" if stand_in else ""))


if __name__ == "__main__":
    main()
