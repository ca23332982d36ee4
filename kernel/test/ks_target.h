/* SPDX-License-Identifier: GPL-2.0 */
#ifndef KS_TARGET_H
#define KS_TARGET_H

/* A bare return; see the asm in ks_target.c. */
void ks_target_ret(void);

#endif /* KS_TARGET_H */
