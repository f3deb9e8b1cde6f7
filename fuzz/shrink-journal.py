#!/usr/bin/env python3
# shrink-journal.py
#
# Copyright 2026 The Snap Confine authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Makes a small copy of a journal file written by systemd-journal-remote
# (compact format, keyed hashes), for the fuzz corpus of the journal file
# reader: journal-remote sizes the data hash table for a file of 128 MB
# (3.7 MB of mostly empty buckets) and preallocates 8 MB. The copy has a
# data hash table of BUCKETS buckets, rebuilt from the data objects'
# stored hashes, every offset after it moved down, and ends after its last
# object. sd-journal reads the copy as it reads the original.
#
#   shrink-journal.py IN OUT [BUCKETS]

import struct
import sys

DATA, FIELD, ENTRY, DATA_HASH_TABLE, FIELD_HASH_TABLE, ENTRY_ARRAY = 1, 2, 3, 4, 5, 6


def u64(b, o):
    return struct.unpack_from("<Q", b, o)[0]


def u32(b, o):
    return struct.unpack_from("<I", b, o)[0]


def main():
    src, dst = sys.argv[1], sys.argv[2]
    buckets = int(sys.argv[3]) if len(sys.argv) > 3 else 64
    d = bytearray(open(src, "rb").read())
    assert d[:8] == b"LPKSHHRH"
    incompat = u32(d, 12)
    assert incompat & 16, "only compact files"
    header_size = u64(d, 88)
    table = u64(d, 104)
    table_size = u64(d, 112)
    tail = u64(d, 136)
    new_size = buckets * 16
    shift = table_size - new_size
    old_end = table + table_size

    def mv(off):
        return off - shift if off >= old_end else off

    # Objects in file order.
    objects = []
    o = header_size
    while o <= tail:
        size = u64(d, o + 8)
        objects.append((o, d[o], size))
        o += (size + 7) & ~7
    end = objects[-1][0] + objects[-1][2]

    # Everything before the data hash table, the table (smaller), the rest.
    out = bytearray(d[:table])
    struct.pack_into("<Q", out, table - 8, 16 + new_size)
    out += bytes(new_size)
    out += d[old_end:(end + 7) & ~7]

    def p64(off, v):
        struct.pack_into("<Q", out, off, v)

    def p32(off, v):
        struct.pack_into("<I", out, off, v)

    for (o, t, size) in objects:
        if o < old_end:
            continue
        n = mv(o)
        if t == DATA:
            for f in (24, 32, 40, 48):
                p64(n + f, mv(u64(d, o + f)))
            p32(n + 64, mv(u32(d, o + 64)))
            p64(n + 24, 0)   # next_hash_offset, rebuilt below
        elif t == FIELD:
            for f in (24, 32):
                p64(n + f, mv(u64(d, o + f)))
        elif t == ENTRY:
            for i in range((size - 64) // 4):
                p32(n + 64 + 4 * i, mv(u32(d, o + 64 + 4 * i)))
        elif t == FIELD_HASH_TABLE:
            for i in range((size - 16) // 8):
                p64(n + 16 + 8 * i, mv(u64(d, o + 16 + 8 * i)))
        elif t == ENTRY_ARRAY:
            p64(n + 16, mv(u64(d, o + 16)))
            for i in range((size - 24) // 4):
                p32(n + 24 + 4 * i, mv(u32(d, o + 24 + 4 * i)))

    # Data hash table: chains in file order.
    heads, tails = [0] * buckets, [0] * buckets
    for (o, t, size) in objects:
        if t != DATA:
            continue
        n = mv(o)
        b = u64(d, o + 16) % buckets
        if heads[b] == 0:
            heads[b] = n
        else:
            p64(tails[b] + 24, n)
        tails[b] = n
    for b in range(buckets):
        p64(table + 16 * b, heads[b])
        p64(table + 16 * b + 8, tails[b])

    # Header: offsets, the arena.
    for f in (120, 136, 176):
        p64(f, mv(u64(d, f)))
    p64(112, new_size)
    p64(96, len(out) - header_size)
    if header_size >= 264:
        p32(256, mv(u32(d, 256)))   # tail_entry_array_offset
    if header_size >= 272:
        p64(264, mv(u64(d, 264)))   # tail_entry_offset
    open(dst, "wb").write(out)


if __name__ == "__main__":
    main()
