// The .xlsx zip package: opening it safely, size limits, part names and
// relationships (ECMA-376 Part 2, Open Packaging Conventions).
#include <sys/stat.h>

#include <cctype>
#include <cstdio>
#include <cstring>
#include <fstream>

#include "drafting/xlsx_internal.hpp"
#include "drafting/xlsx_reader.hpp"

namespace baogao::xlsx {

namespace {

std::string with_commas(std::uint64_t n) {
  std::string s = std::to_string(n);
  for (int i = static_cast<int>(s.size()) - 3; i > 0; i -= 3) s.insert(static_cast<std::size_t>(i), ",");
  return s;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Part-name equivalence (Part 2 §9.1.1.1): ASCII case-insensitive, after
// percent-decoding; no leading '/'.
std::string normalise_part_name(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  for (std::size_t i = 0; i < name.size(); ++i) {
    char c = name[i];
    if (c == '%' && i + 2 < name.size()) {
      const int hi = hex_value(name[i + 1]), lo = hex_value(name[i + 2]);
      if (hi >= 0 && lo >= 0) {
        c = static_cast<char>(hi * 16 + lo);
        i += 2;
      }
    }
    if (c == '\\') c = '/';
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    out += c;
  }
  std::size_t start = 0;
  while (start < out.size() && out[start] == '/') ++start;
  return out.substr(start);
}

std::string describe_start(const unsigned char* b, std::size_t n) {
  std::size_t i = 0;
  if (n >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF) i = 3;
  while (i < n && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n')) ++i;
  if (i < n && b[i] == '<') return "text starting with '<' (an HTML or XML page saved with an .xlsx name)";
  if (n >= 5 && std::memcmp(b, "%PDF-", 5) == 0) return "a PDF document";
  if (n >= 5 && std::memcmp(b, "{\\rtf", 5) == 0) return "an RTF document";
  char hex[64];
  std::string out = "bytes";
  for (std::size_t k = 0; k < n && k < 8; ++k) {
    std::snprintf(hex, sizeof hex, " %02X", b[k]);
    out += hex;
  }
  return out;
}

// An OLE2 compound file (D0 CF 11 E0 A1 B1 1A E1): a password-protected OOXML file
// keeps "EncryptionInfo" and "EncryptedPackage" streams (MS-OFFCRYPTO §2.3.4);
// otherwise it is most likely a legacy .xls (BIFF8).
bool ole2_has_encryption_info(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  static const char16_t kName[] = u"EncryptionInfo";
  std::string needle;
  for (const char16_t* p = kName; *p; ++p) {
    needle += static_cast<char>(*p & 0xFF);
    needle += static_cast<char>(*p >> 8);
  }
  std::string window(1 << 16, '\0');
  std::string carry;
  std::uint64_t scanned = 0;
  while (in && scanned < (64ull << 20)) {
    in.read(window.data(), static_cast<std::streamsize>(window.size()));
    const auto got = static_cast<std::size_t>(in.gcount());
    if (got == 0) break;
    std::string chunk = carry + window.substr(0, got);
    if (chunk.find(needle) != std::string::npos) return true;
    carry = chunk.size() >= needle.size() ? chunk.substr(chunk.size() - needle.size()) : chunk;
    scanned += got;
  }
  return false;
}

}  // namespace

std::string relationships_part_name(std::string_view source_part) {
  if (source_part.empty() || source_part == "/") return "/_rels/.rels";
  const auto slash = source_part.rfind('/');
  std::string dir(source_part.substr(0, slash + 1));
  if (dir.empty()) dir = "/";
  return dir + "_rels/" + std::string(source_part.substr(slash + 1)) + ".rels";
}

namespace {

// RFC 3986 §5.2.4.
std::string remove_dot_segments(std::string_view in) {
  std::string input(in), output;
  while (!input.empty()) {
    if (input.rfind("../", 0) == 0) {
      input.erase(0, 3);
    } else if (input.rfind("./", 0) == 0) {
      input.erase(0, 2);
    } else if (input.rfind("/./", 0) == 0) {
      input.replace(0, 3, "/");
    } else if (input == "/.") {
      input = "/";
    } else if (input.rfind("/../", 0) == 0 || input == "/..") {
      input = input == "/.." ? "/" : input.substr(3);
      const auto last = output.rfind('/');
      output.erase(last == std::string::npos ? 0 : last);
    } else if (input == "." || input == "..") {
      input.clear();
    } else {
      const auto next = input.find('/', input[0] == '/' ? 1 : 0);
      output += input.substr(0, next);
      input.erase(0, next == std::string::npos ? input.size() : next);
    }
  }
  return output;
}

bool has_scheme(std::string_view s) {
  // scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":"   (RFC 3986 §3.1)
  if (s.empty() || !std::isalpha(static_cast<unsigned char>(s[0]))) return false;
  for (std::size_t i = 1; i < s.size(); ++i) {
    const char c = s[i];
    if (c == ':') return true;
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '-' && c != '.') return false;
  }
  return false;
}

}  // namespace

std::string resolve_target(std::string_view source_part, std::string_view target_in) {
  std::string target(target_in);
  for (auto& c : target)
    if (c == '\\') c = '/';
  // Drop the fragment and the query (§3.4, §3.5): a part name has neither.
  if (auto hash = target.find('#'); hash != std::string::npos) target.erase(hash);
  if (auto q = target.find('?'); q != std::string::npos) target.erase(q);
  if (has_scheme(target) || target.rfind("//", 0) == 0) return "";  // external
  if (target.empty()) return std::string(source_part);
  std::string path;
  if (target[0] == '/') {
    path = target;
  } else {
    // §5.2.3 merge: the base's path up to its last '/', then the reference.
    std::string base(source_part.empty() ? "/" : source_part);
    if (base[0] != '/') base.insert(base.begin(), '/');
    path = base.substr(0, base.rfind('/') + 1) + target;
  }
  std::string out = remove_dot_segments(path);
  if (out.empty() || out[0] != '/') out.insert(out.begin(), '/');
  return out;
}

bool is_relationship_type(std::string_view type, std::string_view kind) {
  static constexpr std::string_view kPrefixes[] = {
      "http://schemas.openxmlformats.org/officeDocument/2006/relationships/",
      "http://purl.oclc.org/ooxml/officeDocument/relationships/",
  };
  for (auto prefix : kPrefixes)
    if (type.size() == prefix.size() + kind.size() && type.substr(0, prefix.size()) == prefix &&
        type.substr(prefix.size()) == kind)
      return true;
  return false;
}

// ---------------------------------------------------------------- PartStream

PartStream::PartStream(zip_file_t* file, std::string part, std::uint64_t declared, std::uint64_t limit,
                       std::uint64_t* total, std::uint64_t total_limit, std::string path)
    : file_(file),
      part_(std::move(part)),
      declared_(declared),
      limit_(limit),
      total_(total),
      total_limit_(total_limit),
      path_(std::move(path)) {}

PartStream::~PartStream() {
  if (file_) zip_fclose(file_);
}

int PartStream::read(char* buffer, int len) {
  if (error_) return -1;
  if (len <= 0) return 0;
  const zip_int64_t got = zip_fread(file_, buffer, static_cast<zip_uint64_t>(len));
  const std::string name = part_.substr(1);
  if (got < 0) {
    zip_error_t* err = zip_file_get_error(file_);
    const int code = zip_error_code_zip(err);
    error_.emplace(code == ZIP_ER_NOPASSWD || code == ZIP_ER_WRONGPASSWD || code == ZIP_ER_ENCRNOTSUPP
                       ? "encrypted"
                       : "corrupt_zip",
                   Source{path_, name},
                   std::string("inflating the part failed (") + zip_error_strerror(err) +
                       "); expected an intact zip entry — the file is damaged or was cut off, save or download it again");
    return -1;
  }
  count_ += static_cast<std::uint64_t>(got);
  *total_ += static_cast<std::uint64_t>(got);
  if (count_ > limit_) {
    error_.emplace("too_large", Source{path_, name},
                   "the part inflates past " + with_commas(limit_) + " bytes (it declared " + with_commas(declared_) +
                       "); expected a part within the reader's limit (--limit part-size) — a zip bomb or a damaged file");
    return -1;
  }
  if (*total_ > total_limit_) {
    error_.emplace("too_large", Source{path_, name},
                   "the package inflates past " + with_commas(total_limit_) +
                       " bytes in all; expected a workbook within the reader's limit (--limit total-size)");
    return -1;
  }
  if (got == 0 && count_ != declared_) {
    error_.emplace("corrupt_zip", Source{path_, name},
                   "the part inflates to " + with_commas(count_) + " bytes but its zip entry declares " +
                       with_commas(declared_) + "; expected the declared size — the file is damaged");
    return -1;
  }
  scan_prolog(buffer, static_cast<int>(got));
  return error_ ? -1 : static_cast<int>(got);
}

// Refuses a document type declaration before libxml2 sees it: the prolog may hold
// only the XML declaration, comments, processing instructions and white space, then
// the root element (XML 1.0 §2.8). Any other "<!" is a DOCTYPE. NUL bytes are
// skipped, so a UTF-16 part is scanned too; libxml2's node check is the backstop.
void PartStream::scan_prolog(const char* data, int len) {
  enum { text = 0, after_lt, after_bang, after_bang_dash, in_comment, in_pi, done };
  for (int i = 0; i < len && prolog_state_ != done; ++i) {
    const char c = data[i];
    if (c == '\0') continue;
    ++prolog_seen_;
    switch (prolog_state_) {
      case text:
        if (c == '<') prolog_state_ = after_lt;
        break;
      case after_lt:
        if (c == '?') {
          prolog_state_ = in_pi;
          prolog_match_ = 0;
        } else if (c == '!') {
          prolog_state_ = after_bang;
        } else {
          prolog_state_ = done;  // the root element
        }
        break;
      case after_bang:
        if (c == '-') {
          prolog_state_ = after_bang_dash;
        } else {
          error_.emplace("entity_declarations_refused", Source{path_, part_.substr(1)},
                         "found a document type declaration (<!DOCTYPE …>), which can declare entities that read "
                         "local files or the network; expected plain XML — OOXML parts never have one");
          prolog_state_ = done;
        }
        break;
      case after_bang_dash:
        if (c == '-') {
          prolog_state_ = in_comment;
          prolog_match_ = 0;
        } else {
          prolog_state_ = text;  // malformed; libxml2 will say so
        }
        break;
      case in_comment:  // ends at "-->"
        if (c == '-') {
          prolog_match_ = prolog_match_ < 2 ? prolog_match_ + 1 : 2;
        } else {
          if (c == '>' && prolog_match_ >= 2) prolog_state_ = text;
          prolog_match_ = 0;
        }
        break;
      case in_pi:  // ends at "?>"
        if (c == '>' && prolog_match_ == 1) prolog_state_ = text;
        prolog_match_ = c == '?' ? 1 : 0;
        break;
    }
  }
}

// ---------------------------------------------------------------- Package

Package::Package(const std::string& path, const ReadOptions& options) : path_(path), options_(options) {
  const Source here{path, ""};
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0)
    throw InputError("file_not_found", here, "no such file; expected an .xlsx workbook");
  if (S_ISDIR(st.st_mode)) throw InputError("file_not_found", here, "found a folder; expected an .xlsx workbook");
  if (static_cast<std::uint64_t>(st.st_size) > options.max_input_bytes)
    throw InputError("too_large", here,
                     "the file has " + with_commas(static_cast<std::uint64_t>(st.st_size)) + " bytes; expected at most " +
                         with_commas(options.max_input_bytes) + " (--limit input-size)");
  if (st.st_size == 0)
    throw InputError("empty_file", here,
                     "the file is empty (0 bytes) — an interrupted download or a failed save; expected an .xlsx "
                     "workbook, save or download it again");

  unsigned char head[8] = {};
  std::size_t head_len = 0;
  {
    std::ifstream in(path, std::ios::binary);
    in.read(reinterpret_cast<char*>(head), sizeof head);
    head_len = static_cast<std::size_t>(in.gcount());
  }
  static const unsigned char kOle2[8] = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};
  if (head_len == 8 && std::memcmp(head, kOle2, 8) == 0) {
    if (ole2_has_encryption_info(path))
      throw InputError("encrypted", here,
                       "found a password-protected workbook (an encrypted OLE2 container); expected an unprotected "
                       ".xlsx — open it in Excel or WPS, remove the password (File → Info → Protect Workbook → "
                       "Encrypt with Password, clear it; 取消密码保护) and save it again as .xlsx");
    throw InputError("encrypted", here,
                     "found an OLE2 container (a legacy .xls workbook or a password-protected file); expected an "
                     ".xlsx — open it in Excel or WPS and save it as \"Excel Workbook (*.xlsx)\" (另存为 .xlsx), "
                     "removing any password first");
  }

  int err = 0;
  // ZIP_CHECKCONS: the central directory must agree with each entry's local header
  // (a "lying" directory that hides or resizes entries is refused, not trusted).
  zip_ = zip_open(path.c_str(), ZIP_RDONLY | ZIP_CHECKCONS, &err);
  if (!zip_) {
    const bool pk = head_len >= 2 && head[0] == 'P' && head[1] == 'K';
    zip_error_t ze;
    zip_error_init_with_code(&ze, err);
    const std::string why = zip_error_strerror(&ze);
    zip_error_fini(&ze);
    if (err == ZIP_ER_OPEN || err == ZIP_ER_READ)
      throw InputError("file_not_found", here, "the file cannot be read (" + why + "); expected a readable .xlsx");
    if (err == ZIP_ER_NOZIP && !pk)
      throw InputError("not_a_zip", here,
                       "found " + describe_start(head, head_len) +
                           ", not a zip archive; expected an .xlsx workbook (a zip package) — if it came from a "
                           "web page's \"export to Excel\", open it and save it as .xlsx");
    if (err == ZIP_ER_NOZIP)
      throw InputError("corrupt_zip", here,
                       "found the start of a zip archive but not its end (no central directory); expected a "
                       "complete .xlsx — the download or save was cut off, get the file again");
    if (err == ZIP_ER_INCONS)
      throw InputError("corrupt_zip", here,
                       "the zip's central directory does not agree with its entries (" + why +
                           "); expected a consistent .xlsx — the file was damaged or patched, save it again from "
                           "Excel or WPS");
    if (err == ZIP_ER_EXISTS)
      throw InputError("corrupt_zip", here,
                       "the zip holds two entries with the same name (" + why +
                           "); expected each part once (OPC, ECMA-376 Part 2 §9.1.1.1.2) — the file was damaged or "
                           "patched, save it again from Excel or WPS");
    throw InputError("corrupt_zip", here,
                     "the zip archive is damaged (" + why +
                         "); expected a complete .xlsx — the download or save was probably cut off, get the file again");
  }
  // From here on the archive is open: a throw must close it (the destructor of a
  // half-constructed object does not run). Found by xlsx_fuzz (LeakSanitizer).
  struct CloseOnThrow {
    zip_t*& zip;
    bool armed = true;
    ~CloseOnThrow() {
      if (armed && zip) {
        zip_discard(zip);
        zip = nullptr;
      }
    }
  } close_on_throw{zip_};
  const zip_int64_t n = zip_get_num_entries(zip_, 0);
  for (zip_int64_t i = 0; i < n; ++i) {
    const char* name = zip_get_name(zip_, static_cast<zip_uint64_t>(i), ZIP_FL_ENC_GUESS);
    if (!name) continue;
    // OPC part names (ECMA-376 Part 2 §9.1.1.1): relative to the package root, no "."
    // or ".." segment; two names that differ only in case are the same part (§9.1.1.1.2).
    const std::string_view entry(name);
    const bool dot_segment = entry == ".." || entry == "." || entry.starts_with("../") ||
                             entry.starts_with("./") || entry.find("/../") != std::string_view::npos ||
                             entry.find("/./") != std::string_view::npos || entry.ends_with("/..") ||
                             entry.find("\\..") != std::string_view::npos || entry.find("..\\") != std::string_view::npos;
    const bool absolute = entry.starts_with("/") || entry.starts_with("\\") ||
                          (entry.size() >= 2 && entry[1] == ':');
    if (dot_segment || absolute)
      throw InputError("corrupt_zip", here,
                       "the zip holds an entry named \"" + std::string(entry) + "\"; expected part names relative to "
                       "the package root without \".\" or \"..\" (OPC, ECMA-376 Part 2 §9.1.1.1)");
    if (!entry.empty() && entry.back() == '/') continue;  // a folder entry
    if (!index_.emplace(normalise_part_name(name), static_cast<zip_uint64_t>(i)).second)
      throw InputError("corrupt_zip", here,
                       "the zip holds two entries for the part \"" + std::string(entry) +
                           "\"; expected each part once (OPC, ECMA-376 Part 2 §9.1.1.1.2) — the file was patched "
                           "or damaged, save it again from Excel or WPS");
  }
  close_on_throw.armed = false;
}

Package::~Package() {
  if (zip_) zip_discard(zip_);
}

Source Package::where(std::string_view part_name) const {
  std::string_view p = part_name;
  while (!p.empty() && p[0] == '/') p.remove_prefix(1);
  return Source{path_, std::string(p)};
}

std::optional<zip_uint64_t> Package::find(std::string_view part_name) const {
  auto it = index_.find(normalise_part_name(part_name));
  if (it == index_.end()) return std::nullopt;
  return it->second;
}

bool Package::has_part(std::string_view part_name) const { return find(part_name).has_value(); }

std::unique_ptr<PartStream> Package::open(std::string_view part_name) {
  const auto index = find(part_name);
  const Source here = where(part_name);
  if (!index)
    throw InputError("missing_part", here, "the part is not in the zip; expected it, since the workbook refers to it");
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat_index(zip_, *index, 0, &st) != 0)
    throw InputError("corrupt_zip", here, std::string("cannot read its zip entry (") + zip_strerror(zip_) + ")");
  const std::uint64_t declared = (st.valid & ZIP_STAT_SIZE) ? st.size : 0;
  if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE)
    throw InputError("encrypted", here,
                     "the zip entry is encrypted; expected an unprotected .xlsx — remove the password and save again");
  if (declared > options_.max_part_bytes)
    throw InputError("too_large", here,
                     "the part declares " + with_commas(declared) + " bytes uncompressed; expected at most " +
                         with_commas(options_.max_part_bytes) + " — a zip bomb, or a sheet too large for a report (--limit part-size)");
  if (total_ + declared > options_.max_total_bytes)
    throw InputError("too_large", here,
                     "the parts read so far and this one declare " + with_commas(total_ + declared) +
                         " bytes uncompressed; expected at most " + with_commas(options_.max_total_bytes) + " in all (--limit total-size)");
  zip_file_t* file = zip_fopen_index(zip_, *index, 0);
  if (!file) {
    const int code = zip_error_code_zip(zip_get_error(zip_));
    if (code == ZIP_ER_NOPASSWD || code == ZIP_ER_WRONGPASSWD || code == ZIP_ER_ENCRNOTSUPP)
      throw InputError("encrypted", here,
                       "the zip entry is encrypted; expected an unprotected .xlsx — remove the password and save again");
    throw InputError("corrupt_zip", here, std::string("cannot open its zip entry (") + zip_strerror(zip_) + ")");
  }
  return std::make_unique<PartStream>(file, "/" + here.place, declared, options_.max_part_bytes, &total_,
                                      options_.max_total_bytes, path_);
}

std::vector<Relationship> Package::relationships(std::string_view source_part) {
  std::vector<Relationship> out;
  const std::string rels = relationships_part_name(source_part);
  if (!has_part(rels)) return out;
  XmlReader xml(*this, rels);
  while (xml.read()) {
    if (!xml.is_start() || !xml.is_package_rel("Relationship")) continue;
    Relationship r;
    std::string target;
    bool external = false;
    xml.for_each_attribute([&](std::string_view local, std::string_view ns, std::string_view value) {
      if (!ns.empty()) return;
      if (local == "Id") r.id = value;
      else if (local == "Type") r.type = value;
      else if (local == "Target") target = value;
      else if (local == "TargetMode") external = value == "External";
    });
    if (!external) r.target = resolve_target(source_part.empty() ? "/" : source_part, target);
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace baogao::xlsx
