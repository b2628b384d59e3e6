// SPDX-License-Identifier: GPL-3.0-or-later
#include "allocator.h"

#ifdef __GLIBC__
#include <malloc.h>
#endif

void keepLargeBuffersInHeap()
{
#ifdef __GLIBC__
    // By default a buffer of megabytes gets a fresh mapping, and freed memory beyond a
    // few hundred KB goes back to the system: every page of every bootstrap page would
    // then fault in again when written. Kept in the heap (up to 64 MB held free), it
    // reuses memory already mapped. The peak stays the same; only the holding longer.
    mallopt(M_MMAP_THRESHOLD, 32 * 1024 * 1024);
    mallopt(M_TRIM_THRESHOLD, 64 * 1024 * 1024);
#endif
}
