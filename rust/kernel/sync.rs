// SPDX-License-Identifier: GPL-2.0-only

//! Synchronisation primitives (being written).
