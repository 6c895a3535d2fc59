#include "exporters/stats.hpp"

#include <fcntl.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>
#include <unistd.h>
#include <zip.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <thread>

extern char** environ;

namespace baogao {
namespace fs = std::filesystem;

namespace {

// Punctuation shared by Chinese and Latin text (East Asian Width "A") that a Chinese
// document draws with its East Asian font: Word counts it as a Chinese character.
bool is_shared_punctuation(UChar32 c) {
  switch (c) {
    case 0x2018: case 0x2019: case 0x201C: case 0x201D:  // ‘ ’ “ ”
    case 0x2014: case 0x2015: case 0x2026: case 0x00B7:  // — ― … ·
      return true;
    default:
      return false;
  }
}

bool is_east_asian(UChar32 c) {
  const auto width = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
  return width == U_EA_WIDE || width == U_EA_FULLWIDTH || is_shared_punctuation(c);
}

}  // namespace

void TextCounts::add_paragraph(std::string_view text) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  bool any = false, in_word = false;
  for (int32_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0 || c == '\n' || (c < 0x20 && c != '\t') || c == 0x7F) {  // invalid, breaks, controls
      in_word = false;
      continue;
    }
    any = true;
    ++characters_with_spaces;
    if (u_isUWhiteSpace(c)) {
      in_word = false;
      continue;
    }
    ++characters;
    if (is_east_asian(c)) {
      ++east_asian;
      in_word = false;
    } else if (!in_word) {
      ++other_words;
      in_word = true;
    }
  }
  words = east_asian + other_words;
  if (any) ++paragraphs;
}

// ---------------------------------------------------------------- readers

namespace {

std::string read_zip_entry(const fs::path& file, const char* name) {
  int error = 0;
  zip_t* archive = zip_open(file.c_str(), ZIP_RDONLY, &error);
  if (!archive) throw std::runtime_error(file.string() + ": not a .docx (zip) package");
  std::unique_ptr<zip_t, decltype(&zip_discard)> guard(archive, zip_discard);
  zip_stat_t st;
  if (zip_stat(archive, name, 0, &st) != 0 || !(st.valid & ZIP_STAT_SIZE))
    throw std::runtime_error(file.string() + ": no " + name + " in the package");
  if (st.size > (256u << 20)) throw std::runtime_error(file.string() + ": " + name + " is larger than 256 MiB");
  zip_file_t* f = zip_fopen(archive, name, 0);
  if (!f) throw std::runtime_error(file.string() + ": cannot read " + name);
  std::string data(st.size, '\0');
  const zip_int64_t got = zip_fread(f, data.data(), st.size);
  zip_fclose(f);
  if (got < 0 || static_cast<zip_uint64_t>(got) != st.size)
    throw std::runtime_error(file.string() + ": cannot read " + name);
  return data;
}

constexpr const char* kW = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

bool is_w(const xmlNode* n, const char* local) {
  return n->type == XML_ELEMENT_NODE && n->ns && std::strcmp(reinterpret_cast<const char*>(n->ns->href), kW) == 0 &&
         std::strcmp(reinterpret_cast<const char*>(n->name), local) == 0;
}

std::string w_attr(const xmlNode* n, const char* local) {
  xmlChar* v = xmlGetNsProp(n, reinterpret_cast<const xmlChar*>(local), reinterpret_cast<const xmlChar*>(kW));
  std::string out = v ? reinterpret_cast<const char*>(v) : "";
  xmlFree(v);
  return out;
}

struct DocxWalker {
  std::vector<StatParagraph> out;
  int rows = 0;
  bool pending_break = false;

  // Text of a paragraph's runs (direct children, hyperlinks, smart tags, inserted text).
  void runs(const xmlNode* n, StatParagraph& p, bool& page_break) {
    for (const xmlNode* c = n->children; c; c = c->next) {
      if (c->type != XML_ELEMENT_NODE) continue;
      if (is_w(c, "t")) {
        xmlChar* t = xmlNodeGetContent(c);
        if (t) p.text += reinterpret_cast<const char*>(t);
        xmlFree(t);
      } else if (is_w(c, "tab")) {
        p.text += '\t';
      } else if (is_w(c, "br") || is_w(c, "cr")) {
        if (w_attr(c, "type") == "page") page_break = true;
        else p.text += '\n';
      } else if (is_w(c, "pPr") || is_w(c, "rPr") || is_w(c, "delText") || is_w(c, "instrText") ||
                 is_w(c, "del") || is_w(c, "txbxContent") || is_w(c, "p")) {
        continue;  // properties, deleted text, field codes, nested text boxes
      } else {
        runs(c, p, page_break);  // w:r, w:hyperlink, w:ins, w:smartTag, w:fldSimple, …
      }
    }
  }

  void paragraph(const xmlNode* n, int row) {
    StatParagraph p;
    p.table_row = row;
    for (const xmlNode* c = n->children; c; c = c->next)
      if (is_w(c, "pPr"))
        for (const xmlNode* q = c->children; q; q = q->next)
          if (is_w(q, "pStyle")) p.style = w_attr(q, "val");
    bool page_break = false;
    runs(n, p, page_break);
    if (page_break && p.text.empty()) {  // a paragraph that only breaks the page
      pending_break = true;
      return;
    }
    p.page_break_before = pending_break;
    pending_break = false;
    out.push_back(std::move(p));
  }

  void blocks(const xmlNode* n, int row) {
    for (const xmlNode* c = n->children; c; c = c->next) {
      if (c->type != XML_ELEMENT_NODE) continue;
      if (is_w(c, "p")) paragraph(c, row);
      else if (is_w(c, "tr")) blocks(c, rows++);
      else if (is_w(c, "sectPr")) continue;
      else blocks(c, row);  // w:tbl, w:tc, w:sdt, w:sdtContent, w:customXml
    }
  }
};

}  // namespace

std::vector<StatParagraph> docx_paragraphs(const fs::path& docx) {
  const std::string xml = read_zip_entry(docx, "word/document.xml");
  std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)> doc(
      xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "document.xml", nullptr,
                    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_HUGE),
      xmlFreeDoc);
  if (!doc) throw std::runtime_error(docx.string() + ": word/document.xml is not well-formed XML");
  const xmlNode* root = xmlDocGetRootElement(doc.get());
  DocxWalker walker;
  for (const xmlNode* c = root ? root->children : nullptr; c; c = c->next)
    if (is_w(c, "body")) walker.blocks(c, -1);
  return std::move(walker.out);
}

std::vector<StatParagraph> text_paragraphs(const fs::path& txt) {
  std::ifstream in(txt, std::ios::binary);
  if (!in) throw std::runtime_error(txt.string() + ": cannot read the file");
  std::stringstream buffer;
  buffer << in.rdbuf();
  std::string data = buffer.str();
  if (data.starts_with("\xEF\xBB\xBF")) data.erase(0, 3);
  std::vector<StatParagraph> out;
  bool pending_break = false;
  std::size_t start = 0;
  while (start <= data.size()) {
    std::size_t end = data.find('\n', start);
    if (end == std::string::npos) end = data.size();
    std::string line = data.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    start = end + 1;
    if (line == "\f") {
      pending_break = true;
      continue;
    }
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    StatParagraph p;
    p.text = std::move(line);
    p.page_break_before = pending_break;
    pending_break = false;
    out.push_back(std::move(p));
  }
  return out;
}

// ---------------------------------------------------------------- pages

int estimate_pages(const std::vector<StatParagraph>& paragraphs, int lines_per_page, int chars_per_line) {
  if (paragraphs.empty()) return 0;
  int pages = 0;
  long long lines = 0;  // on the pages since the last page break
  auto close_pages = [&] {
    pages += static_cast<int>(std::max<long long>(1, (lines + lines_per_page - 1) / lines_per_page));
    lines = 0;
  };
  int last_row = -1;
  for (const auto& p : paragraphs) {
    if (p.page_break_before) close_pages();
    if (p.table_row >= 0) {
      if (p.table_row != last_row) ++lines;
      last_row = p.table_row;
      continue;
    }
    static const char* indented[] = {"BodyText", "Heading1", "Heading2", "Heading3", "Heading4", "Closing"};
    long long half_widths = 0;  // in half characters
    for (const char* s : indented)
      if (p.style == s) half_widths = 4;
    long long paragraph_lines = 0;
    const auto* s = reinterpret_cast<const uint8_t*>(p.text.data());
    const auto length = static_cast<int32_t>(p.text.size());
    auto flush = [&] {
      paragraph_lines += std::max<long long>(1, (half_widths + 2LL * chars_per_line - 1) / (2LL * chars_per_line));
      half_widths = 0;
    };
    for (int32_t i = 0; i < length;) {
      UChar32 c;
      U8_NEXT(s, i, length, c);
      if (c == '\n') {
        flush();
        continue;
      }
      if (c < 0x20) continue;
      half_widths += is_east_asian(c) || c == 0x3000 ? 2 : 1;
    }
    flush();
    lines += paragraph_lines;
  }
  close_pages();
  return pages;
}

namespace {

// A temporary folder removed with everything in it when the guard goes.
struct TempDir {
  fs::path path;
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "baogao-stats-XXXXXX").string();
    if (!mkdtemp(pattern.data())) throw std::runtime_error("cannot create a temporary folder");
    path = pattern;
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

std::string find_on_path(const std::string& name) {
  if (name.find('/') != std::string::npos) return access(name.c_str(), X_OK) == 0 ? name : "";
  const char* path = std::getenv("PATH");
  std::stringstream dirs(path ? path : "/usr/bin:/bin");
  std::string dir;
  while (std::getline(dirs, dir, ':')) {
    const fs::path candidate = fs::path(dir.empty() ? "." : dir) / name;
    if (access(candidate.c_str(), X_OK) == 0) return candidate.string();
  }
  return "";
}

// Page objects of a PDF: "/Type /Page" (not /Pages), whitespace allowed in between.
int count_pdf_pages(const std::string& pdf) {
  int pages = 0;
  for (std::size_t at = pdf.find("/Type"); at != std::string::npos; at = pdf.find("/Type", at + 5)) {
    std::size_t i = at + 5;
    while (i < pdf.size() && (pdf[i] == ' ' || pdf[i] == '\r' || pdf[i] == '\n' || pdf[i] == '\t')) ++i;
    if (pdf.compare(i, 5, "/Page") != 0) continue;
    const char next = i + 5 < pdf.size() ? pdf[i + 5] : ' ';
    if (!std::isalnum(static_cast<unsigned char>(next))) ++pages;
  }
  return pages;
}

}  // namespace

std::optional<int> rendered_pages(const fs::path& file, std::string* why, int timeout_seconds) {
  auto fail = [&](const std::string& reason) -> std::optional<int> {
    if (why) *why = reason;
    return std::nullopt;
  };
  const char* configured = std::getenv("BAOGAO_SOFFICE");
  const std::string soffice = find_on_path(configured && *configured ? configured : "soffice");
  if (soffice.empty()) return fail("未找到 LibreOffice（soffice）");

  TempDir tmp;
  const fs::path out = tmp.path / "out";
  fs::create_directories(out);
  const fs::path input = fs::absolute(file);
  std::vector<std::string> args = {soffice,
                                   "-env:UserInstallation=file://" + (tmp.path / "profile").string(),
                                   "--headless",
                                   "--norestore",
                                   "--nolockcheck",
                                   "--convert-to",
                                   "pdf",
                                   "--outdir",
                                   out.string(),
                                   input.string()};
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP);
  posix_spawnattr_setpgroup(&attr, 0);  // its own group, so a timeout ends it and its children only
  pid_t pid = 0;
  const int rc = posix_spawn(&pid, soffice.c_str(), &actions, &attr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attr);
  if (rc != 0) return fail("无法启动 LibreOffice：" + std::string(std::strerror(rc)));

  int status = 0;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(timeout_seconds);
  for (;;) {
    const pid_t done = waitpid(pid, &status, WNOHANG);
    if (done == pid) break;
    if (done < 0) return fail("LibreOffice 运行失败");
    if (std::chrono::steady_clock::now() > deadline) {
      kill(-pid, SIGKILL);
      waitpid(pid, &status, 0);
      return fail("LibreOffice 超时（" + std::to_string(timeout_seconds) + " 秒）");
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) return fail("LibreOffice 转换失败");
  const fs::path pdf = out / (input.stem().string() + ".pdf");
  std::ifstream in(pdf, std::ios::binary);
  if (!in) return fail("LibreOffice 没有生成 PDF");
  std::stringstream buffer;
  buffer << in.rdbuf();
  const int pages = count_pdf_pages(buffer.str());
  if (pages <= 0) return fail("无法读出 PDF 的页数");
  if (why) why->clear();
  return pages;
}

// ---------------------------------------------------------------- the command's core

FileStats file_stats(const fs::path& file, int rate, bool render) {
  if (rate <= 0) throw std::invalid_argument("speaking rate must be positive, got " + std::to_string(rate));
  std::string ext = file.extension().string();
  for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const bool docx = ext == ".docx";
  if (!docx && ext != ".txt")
    throw std::invalid_argument(file.string() + ": unsupported file type '" + ext + "'; expected .docx or .txt");
  if (!fs::exists(file)) throw std::runtime_error(file.string() + ": no such file");

  const std::vector<StatParagraph> paragraphs = docx ? docx_paragraphs(file) : text_paragraphs(file);
  FileStats stats;
  stats.file = file.string();
  stats.rate = rate;
  for (const auto& p : paragraphs) stats.counts.add_paragraph(p.text);
  stats.speaking_minutes = static_cast<double>(stats.counts.words) / rate;

  std::string why = docx ? (render ? "" : "未要求排版（--no-render）") : "纯文本没有版面";
  std::optional<int> pages;
  if (docx && render) pages = rendered_pages(file, &why);
  if (pages) {
    stats.pages = *pages;
    stats.pages_rendered = true;
  } else {
    stats.pages = estimate_pages(paragraphs);
    stats.pages_note = why;
  }
  return stats;
}

std::string format_stats(const FileStats& s) {
  std::ostringstream out;
  const TextCounts& c = s.counts;
  out << "文件：" << s.file << "\n";
  out << "字数：" << c.words << "（中文字符 " << c.east_asian << "，非中文单词 " << c.other_words << "）\n";
  out << "字符数（不计空格）：" << c.characters << "\n";
  out << "字符数（计空格）：" << c.characters_with_spaces << "\n";
  out << "段落数：" << c.paragraphs << "\n";
  if (s.pages_rendered)
    out << "页数：" << s.pages << "（LibreOffice 排版）\n";
  else
    out << "页数：约 " << s.pages << "（估算：每页22行、每行28字；" << s.pages_note << "）\n";
  const long long seconds = std::llround(s.speaking_minutes * 60);
  out << "讲话时长：约 " << seconds / 60 << " 分 " << seconds % 60 << " 秒（" << c.words << " 字，按每分钟 " << s.rate
      << " 字）\n";
  return out.str();
}

namespace {

std::string json_string(const std::string& s) {
  std::string out = "\"";
  for (unsigned char ch : s) {
    switch (ch) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (ch < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", ch);
          out += buf;
        } else {
          out += static_cast<char>(ch);
        }
    }
  }
  return out + "\"";
}

}  // namespace

std::string stats_json(const FileStats& s) {
  const TextCounts& c = s.counts;
  char minutes[32];
  std::snprintf(minutes, sizeof minutes, "%.1f", s.speaking_minutes);
  std::ostringstream out;
  out << "{\"file\":" << json_string(s.file) << ",\"words\":" << c.words
      << ",\"east_asian_characters\":" << c.east_asian << ",\"non_east_asian_words\":" << c.other_words
      << ",\"characters\":" << c.characters << ",\"characters_with_spaces\":" << c.characters_with_spaces
      << ",\"paragraphs\":" << c.paragraphs << ",\"pages\":" << s.pages << ",\"pages_method\":"
      << (s.pages_rendered ? "\"libreoffice\"" : "\"estimate\"") << ",\"pages_note\":" << json_string(s.pages_note)
      << ",\"rate\":" << s.rate << ",\"speaking_minutes\":" << minutes << "}\n";
  return out.str();
}

}  // namespace baogao
