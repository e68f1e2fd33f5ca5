"""Put into the old-base build venv's site-packages by packaging/oldbase/build.sh (PEP 600).

pip asks this module whether a manylinux_X_Y wheel may be installed. The build root is Debian 11
(glibc 2.31), but the bundle must run from glibc 2.28 (UOS V20, Deepin 20): a manylinux_2_31 wheel
would install and work here and then fail there. Refusing every tag above 2.28 makes pip pick the
wheels built for 2.28 or older (PySide6-Essentials 6.9.3 is manylinux_2_28).
"""

CEILING = (2, 28)


def manylinux_compatible(tag_major: int, tag_minor: int, tag_arch: str) -> bool:
    return (tag_major, tag_minor) <= CEILING
