/* Forced into every C file of the Python build (CFLAGS="-include …") by packaging/oldbase/python.sh.
 *
 * glibc 2.29 gave exp, log, pow, exp2 and log2 new, faster symbol versions; compiled against Debian 11's
 * glibc 2.31, Python's math, cmath and float code would need GLIBC_2.29 and not load on a glibc 2.28
 * system (UOS V20, Deepin 20). Binding them to the versions every x86_64 glibc has keeps the floor at
 * 2.28; the old versions compute the same results (they differ in speed and in setting errno on some
 * edge cases, which CPython checks itself). Python's configure also gets ac_cv_func_sem_clockwait=no:
 * sem_clockwait is GLIBC_2.30, and Python falls back to sem_timedwait without it.
 */
#if defined(__x86_64__) && defined(__linux__)  /* __GLIBC__ is not defined yet: this comes first */
__asm__(".symver exp,exp@GLIBC_2.2.5");
__asm__(".symver log,log@GLIBC_2.2.5");
__asm__(".symver pow,pow@GLIBC_2.2.5");
__asm__(".symver exp2,exp2@GLIBC_2.2.5");
__asm__(".symver log2,log2@GLIBC_2.2.5");
#endif
