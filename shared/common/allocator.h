// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

/**
 * Sets up the C library's allocator for a program that handles bootstrap
 * pages: buffers of megabytes, made and freed a dozen times in a row.
 * Called first thing in main() by every program that syncs.
 */
void keepLargeBuffersInHeap();
