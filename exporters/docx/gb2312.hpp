#pragma once
// The GB 2312 repertoire, for fonts such as 仿宋_GB2312 that only cover it
// (docx-bugs E4: a rare name character set in 仿宋_GB2312 shows no glyph in Word).
namespace baogao::docx {

/// True if `c` is ASCII or one of the 7445 GB 2312-80 characters, mapped to
/// Unicode as Windows code page 936 maps them (the cmap of the Windows *_GB2312
/// fonts: A1AA → U+2014 —, A1A4 → U+00B7 ·). Code page 936 also puts 33 GBK
/// symbols into empty cells of rows 6 and 8; they count as covered. Built once from
/// ICU's windows-936 converter; throws std::runtime_error if ICU lacks it.
bool in_gb2312(char32_t c);

}  // namespace baogao::docx
