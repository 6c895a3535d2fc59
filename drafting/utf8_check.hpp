#pragma once
// Data files must be UTF-8: a file saved as GBK/GB18030 (the default of Notepad and
// many tools on Chinese Windows) would otherwise turn into garbled text.
#include <string>
#include <string_view>

namespace baogao {

/// Throws InputError "bad_encoding" at the "line:column" of the first byte sequence
/// that is not UTF-8, telling the user to save the file as UTF-8. A UTF-8 byte order
/// mark is accepted. `format` names the file kind for the message ("JSON", "YAML").
void require_utf8(std::string_view text, const std::string& file, const char* format);

}  // namespace baogao
