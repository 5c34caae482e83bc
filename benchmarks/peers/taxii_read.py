"""Reads every object of a TAXII 2.1 collection in pages with the OASIS Python client (taxii2-client), the Python
counterpart of TaxiiReadCheck's reader. Prints the objects read, the time from the script's start (interpreter and
imports included, as the Java reader's figure includes its JVM start) and the process's peak resident memory.

Usage: /usr/bin/python3 taxii_read.py <folder holding the taxii2client package> <api root URL> <collection id>
       <expected objects> [page size]
"""
import resource
import sys
import time

START = time.perf_counter()


def main():
    sys.path.insert(0, sys.argv[1])
    from taxii2client.v21 import Collection, as_pages

    api_root, collection_id, expected = sys.argv[2], sys.argv[3], int(sys.argv[4])
    page = int(sys.argv[5]) if len(sys.argv) > 5 else 1000
    if not api_root.endswith("/"):
        api_root += "/"
    collection = Collection(api_root + "collections/" + collection_id + "/")
    count = 0
    pages = 0
    read_start = time.perf_counter()
    for envelope in as_pages(collection.get_objects, per_request=page):
        count += len(envelope.get("objects", []))
        pages += 1
    end = time.perf_counter()
    if count != expected:
        raise SystemExit("read %d objects, expected %d" % (count, expected))
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print("taxii2-client: %d objects in %d pages, %.2f s from start (%.2f s reading), %.0f objects/s from start, "
          "peak RSS %.1f MiB" % (count, pages, end - START, end - read_start, count / (end - START),
                                 peak_kib / 1024.0))


if __name__ == "__main__":
    main()
