/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef _LINUX_VERSION_H
#define _LINUX_VERSION_H

#define FERRITE_VERSION "0.1.0"

#endif
