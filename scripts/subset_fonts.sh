#!/bin/sh
# Rebuild the bundled Noto subsets in resources/fonts from Debian's fonts-noto-core.
#
#   apt-get download fonts-noto-core && dpkg -x fonts-noto-core_*.deb noto
#   pip install fonttools==4.69.1     # (only for this script; the app does not need it)
#   sh scripts/subset_fonts.sh noto/usr/share/fonts/truetype/noto
#
# Hinting and the OpenType layout tables are dropped: the fonts are only embedded in
# PDFs by ReportLab, which uses neither.
# The ranges are the scripts people at rallies write and that Vazirmatn lacks; see
# resources/fonts/README.md.
set -eu
SRC=$1
OUT=$(dirname "$0")/../resources/fonts
# Latin with every diacritic (Vietnamese included), IPA, Greek, Cyrillic, punctuation.
LGC="U+0000-024F,U+0250-036F,U+0370-03FF,U+0400-052F,U+1AB0-1AFF,U+1C80-1C8F,\
U+1D00-1DFF,U+1E00-1EFF,U+1F00-1FFF,U+2000-206F,U+20A0-20CF,U+2100-214F,U+2C60-2C7F,\
U+2DE0-2DFF,U+A640-A69F,U+A720-A7FF,U+AB30-AB6F,U+FB00-FB06"
sub() {
    pyftsubset "$SRC/$1.ttf" --unicodes="$2" --no-hinting --desubroutinize --layout-features= \
        --drop-tables+=GSUB,GPOS,GDEF,BASE,JSTF,MATH \
        --name-IDs='*' --name-legacy --name-languages='*' --notdef-outline \
        --output-file="$OUT/$1.ttf"
}
for w in Regular Bold; do
    sub "NotoSans-$w" "$LGC"
    sub "NotoSansArmenian-$w" "U+0020-0040,U+0530-058F,U+FB13-FB17"
    sub "NotoSansGeorgian-$w" "U+0020-0040,U+10A0-10FF,U+1C90-1CBF,U+2D00-2D2F"
    sub "NotoSansHebrew-$w" "U+0020-0040,U+0591-05FF,U+FB1D-FB4F"
done
