// Text lint of free-text values: punctuation forms (GB/T 15834-2011), digits and
// number consistency (GB/T 15835-2011), leftovers of drafts. Rule ids (P1, N3, …)
// are those of ../shared/spec/number-punctuation-rules.md.
//
// The lint must stay quiet on correct official text, so every rule looks at the
// characters around a mark: a half-width comma between digits (1,234), a colon in a
// time (10:30), a point in PM2.5 or 1.5%, marks next to Latin letters (English names
// and terms inside Chinese text) are left alone.
#include <algorithm>
#include <map>
#include <string>
#include <tuple>

#include "drafting/checks_internal.hpp"
#include "drafting/text_scan.hpp"
#include "drafting/number_forms.hpp"

namespace baogao::checks {
namespace {

/// Common Chinese surnames (the most frequent ~200, without those that are also
/// everyday function words such as 和, 向, 由, 于, 从, 在 is none): "蓝某某" is how
/// court and procuratorate reports withhold a person's name, not a placeholder.
bool is_common_surname(char32_t c) {
  static const std::u32string surnames =
      U"王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈"
      U"姚卢姜崔钟谭陆汪范廖贾夏韦付傅邹孟熊秦邱尹薛闫段雷侯史陶黎贺顾毛郝龚邵钱严覃武戴莫孔汤温康施"
      U"牛樊葛邢齐易乔伍庞颜倪庄聂章鲁岳翟殷詹耿焦俞左柳甘祝包舒阮柯纪梅童凌毕季裴霍涂苗谷盛翁冉骆蓝"
      U"靳管柴蒙鲍喻祁蒲房滕屈饶牟艾尤穆卓缪简麦褚娄窦戚岑宫费卜冷晏席卫柏瞿桂佟臧闵苟邬卞姬栾隋刁"
      U"巫寇桑郎甄仲虞敖巩佘邝谌奚粟冼蔺阚帅屠朴廉禹漆狄扈晁芮阙雍辜裘亓邰逯茹嵇湛";
  return surnames.find(c) != std::u32string::npos;
}

class Linter {
 public:
  Linter(Context& ctx, const Text& t, const Locate& locate) : ctx_(ctx), t_(t), locate_(locate) {}

  /// Runs every rule; the findings come in text order.
  void run() {
    runs_and_words();
    halfwidth();
    pairs();
    for (TextHit& h : number_writing(t_)) hit(h.from, h.to, h.code, h.zh, h.en);
    std::stable_sort(hits_.begin(), hits_.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    for (auto& h : hits_) ctx_.findings.push_back(std::move(h.second));
  }

 private:
  void hit(std::size_t from, std::size_t to, const char* code, const std::string& zh, const std::string& en) {
    const std::string excerpt = t_.excerpt(from, to);
    hits_.emplace_back(from, Finding{Severity::warning, code, locate_(t_.chars[from].offset),
                                     ctx_.en() ? en + ": \"" + excerpt + "\"" : zh + "：“" + excerpt + "”"});
  }

  /// Runs of one mark (***, XX, 某某, …, ..., 。。。, --, －－) and leftover words.
  void runs_and_words() {
    const std::size_t n = t_.size();
    for (std::size_t i = 0; i < n;) {
      const char32_t c = t_.at(static_cast<std::ptrdiff_t>(i));
      const std::size_t len = t_.run(i, c);
      const char32_t before = t_.at(static_cast<std::ptrdiff_t>(i) - 1);
      const char32_t after = t_.at(static_cast<std::ptrdiff_t>(i + len));
      const std::string mark = t_.slice(i, i + len);
      auto leftover = [&](const char* zh_what, const char* en_what) {
        hit(i, i + len, "draft_leftover", std::string("草稿遗留“") + mark + "”（" + zh_what + "），定稿前应补全或删除",
            std::string("draft leftover '") + mark + "' (" + en_what + "); fill in or remove before the final version");
      };
      if ((c == '*' || c == U'＊') && len >= 3) {
        leftover("星号占位", "asterisks");
      } else if ((c == 'X' || c == 'x' || c == U'×' || c == U'Ｘ') && len >= 2 &&
                 !(c == U'×' && is_ascii_digit(before)) && !is_ascii_letter(before) && !is_ascii_letter(after) &&
                 !is_ascii_digit(after) && !is_ascii_digit(before)) {
        leftover("占位字母", "placeholder letters");
      } else if (c == U'某' && len >= 2 && !is_common_surname(before)) {  // 蓝某某: a name withheld
        leftover("占位", "placeholder");
      } else if (c == U'…') {
        if (len == 1)
          leftover("单个省略号，多为删节遗留；省略号应为“……”", "a lone ellipsis, usually an elision left over; the ellipsis is '……'");
        else if (len != 2 && len != 4)
          hit(i, i + len, "ellipsis_form",
              "省略号“" + mark + "”应为两个“…”（“……”，GB/T 15834-2011 §4.11）",
              "ellipsis '" + mark + "' should be two '…' ('……', GB/T 15834-2011 §4.11)");
      } else if ((c == '.' && len >= 3 && (is_cjk(before) || is_cjk(after))) || (c == U'。' && len >= 3) ||
                 ((c == U'·' || c == U'・') && len >= 3) || c == U'⋯') {
        hit(i, i + len, "ellipsis_form", "省略号写作“" + mark + "”，应为“……”（GB/T 15834-2011 §4.11，P5）",
            "ellipsis written '" + mark + "'; use '……' (GB/T 15834-2011 §4.11, rule P5)");
      } else if ((c == '-' && len >= 2 && !is_ascii_letter(before) && !is_ascii_letter(after) &&
                  (is_cjk(before) || is_cjk(after) || is_ascii_digit(before) || is_ascii_digit(after) ||
                   is_cjk(t_.at(static_cast<std::ptrdiff_t>(i) - 2)) ||
                   is_cjk(t_.at(static_cast<std::ptrdiff_t>(i + len) + 1)))) ||
                 ((c == U'－' || c == U'―' || c == U'–') && len >= 2) || (c == U'—' && len == 3)) {
        hit(i, i + len, "dash_form", "破折号写作“" + mark + "”，应为“——”（GB/T 15834-2011 §4.10，P4）",
            "dash written '" + mark + "'; use '——' (GB/T 15834-2011 §4.10, rule P4)");
      } else if (c >= U'０' && c <= U'９') {
        std::size_t j = i;
        while (j < n && t_.chars[j].c >= U'０' && t_.chars[j].c <= U'９') ++j;
        hit(i, j, "fullwidth_digit", "全角数字“" + t_.slice(i, j) + "”，应为半角（GB/T 15835-2011 §5.1，N11）",
            "full-width digits '" + t_.slice(i, j) + "'; use half-width digits (GB/T 15835-2011 §5.1, rule N11)");
        i = j;
        continue;
      }
      i += len;
    }
    // Leftover words.
    const std::string_view text = t_.bytes;
    for (std::string_view word : {std::string_view("待定"), std::string_view("待补充")})
      for (auto at = text.find(word); at != std::string_view::npos; at = text.find(word, at + word.size()))
        hit(index_of(at), index_of(at + word.size()), "draft_leftover",
            "草稿遗留“" + std::string(word) + "”，定稿前应补全", "draft leftover '" + std::string(word) + "'; fill in before the final version");
    for (std::size_t i = 0; i < n; ++i) {
      if (!is_ascii_letter(t_.chars[i].c) || is_ascii_letter(t_.at(static_cast<std::ptrdiff_t>(i) - 1))) continue;
      std::size_t j = i;
      while (j < n && is_ascii_letter(t_.chars[j].c)) ++j;
      std::string word = t_.slice(i, j);
      std::string upper = word;
      for (char& ch : upper) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
      if (upper == "TODO" || word == "TBD" || word == "FIXME")
        hit(i, j, "draft_leftover", "草稿遗留“" + word + "”，定稿前应处理", "draft leftover '" + word + "'");
      i = j;
    }
  }

  std::size_t index_of(std::size_t byte_offset) const {
    auto it = std::lower_bound(t_.chars.begin(), t_.chars.end(), byte_offset,
                               [](const Char& ch, std::size_t off) { return ch.offset < off; });
    return static_cast<std::size_t>(it - t_.chars.begin());
  }

  /// Rule P1/P2: half-width , ; : ? ! . ( ) " ' in Chinese text. A paragraph with more
  /// Latin letters than Chinese characters is English text quoting Chinese terms
  /// ("政治引领, 协商"): there only a mark between two Chinese characters counts.
  void halfwidth() {
    const std::size_t n = t_.size();
    std::size_t latin = 0, han_count = 0;
    for (const Char& ch : t_.chars) {
      if (is_ascii_letter(ch.c)) ++latin;
      if (is_han(ch.c)) ++han_count;
    }
    if (latin > han_count) {
      for (std::size_t i = 0; i < n; ++i) {
        const char32_t c = t_.chars[i].c;
        const auto si = static_cast<std::ptrdiff_t>(i);
        if (std::u32string_view(U",;:?!.()\"'").find(c) != std::u32string_view::npos && is_cjk(t_.at(si - 1)) &&
            is_cjk(t_.at(si + 1)))
          halfwidth_hit(i, c);
      }
      return;
    }
    std::vector<std::size_t> open_parens;
    std::vector<std::size_t> quotes, singles;
    for (std::size_t i = 0; i < n; ++i) {
      const char32_t c = t_.chars[i].c;
      const auto si = static_cast<std::ptrdiff_t>(i);
      const char32_t prev = t_.at(si - 1), next = t_.next_non_space(i), right = t_.at(si + 1);
      switch (c) {
        case ',':
        case ';':
        case ':':
        case '?':
        case '!':
          // After a Chinese character, or right before one; never next to Latin letters
          // (English names, terms), between digits (1,234  10:30), or followed by a
          // space after a digit (English typography: "2025: …").
          if ((is_cjk(prev) && !is_ascii_letter(next)) ||
              (is_cjk(right) && !is_ascii_letter(prev) && prev != 0 && !is_space(prev)))
            halfwidth_hit(i, c);
          break;
        case '.':
          if (right != '.' && prev != '.' && is_cjk(prev) && (right == 0 || is_cjk(right) || is_space(right)))
            halfwidth_hit(i, c);
          break;
        case '(': open_parens.push_back(i); break;
        case ')':
          if (!open_parens.empty()) {
            const std::size_t open = open_parens.back();
            open_parens.pop_back();
            // Chinese inside and Chinese around: （原创）; "reports (工作报告) —" is English.
            bool han = false;
            for (std::size_t j = open + 1; j < i && !han; ++j) han = is_han(t_.chars[j].c);
            const bool chinese_around =
                is_cjk(t_.at(static_cast<std::ptrdiff_t>(open) - 1)) || is_cjk(t_.at(si + 1)) ||
                (open == 0 && !is_ascii_letter(t_.at(si + 1)) && !is_space(t_.at(si + 1)));
            if (han && chinese_around) halfwidth_hit(open, '(', i + 1);
          } else if (is_han(prev)) {
            halfwidth_hit(i, c);
          }
          break;
        case '"': quotes.push_back(i); break;
        case '\'':
          if (!(is_ascii_letter(prev) && is_ascii_letter(right))) singles.push_back(i);  // not it's, O'Brien
          break;
        default: break;
      }
    }
    for (std::size_t open : open_parens)
      if (is_han(t_.at(static_cast<std::ptrdiff_t>(open) + 1))) halfwidth_hit(open, '(');
    // Straight quotes, taken in pairs. Chinese around the quotation: 提出"智慧社区"的建议;
    // 'name "政协…", often' is English.
    for (const auto* list : {&quotes, &singles})
      for (std::size_t q = 0; q < list->size(); q += 2) {
        const std::size_t a = (*list)[q];
        const std::size_t b = q + 1 < list->size() ? (*list)[q + 1] : a;
        const bool chinese =
            is_cjk(t_.at(static_cast<std::ptrdiff_t>(a) - 1)) || is_cjk(t_.at(static_cast<std::ptrdiff_t>(b) + 1)) ||
            (a == b && is_cjk(t_.at(static_cast<std::ptrdiff_t>(a) + 1)));
        if (chinese) halfwidth_hit(a, t_.chars[a].c, b + 1);
      }
  }

  void halfwidth_hit(std::size_t i, char32_t c, std::size_t end = 0) {
    static const std::map<char32_t, std::pair<const char*, const char*>> names = {
        {',', {"逗号", "comma"}},         {';', {"分号", "semicolon"}},       {':', {"冒号", "colon"}},
        {'?', {"问号", "question mark"}}, {'!', {"叹号", "exclamation mark"}}, {'.', {"句号", "full stop"}},
        {'(', {"括号", "parentheses"}},   {')', {"括号", "parenthesis"}},     {'"', {"引号", "quotation marks"}},
        {'\'', {"引号", "quotation mark"}}};
    static const std::map<char32_t, const char*> full = {{',', "，"}, {';', "；"}, {':', "："}, {'?', "？"},
                                                         {'!', "！"}, {'.', "。"}, {'(', "（）"}, {')', "）"},
                                                         {'"', "“”"}, {'\'', "‘’"}};
    const auto& [zh, en] = names.at(c);
    const std::string mark = encode(c);
    hit(i, end ? end : i + 1, "halfwidth_punctuation",
        std::string("中文里用了半角") + zh + "“" + mark + "”，应为全角“" + full.at(c) + "”（GB/T 15834-2011，P1）",
        std::string("half-width ") + en + " '" + mark + "' in Chinese text; use '" + full.at(c) +
            "' (GB/T 15834-2011, rule P1)");
  }

  /// Paired marks: “” ‘’ 《》 （） 【】 〈〉 〔〕 「」 『』 〖〗.
  void pairs() {
    static constexpr std::pair<char32_t, char32_t> kPairs[] = {
        {U'“', U'”'}, {U'‘', U'’'}, {U'《', U'》'}, {U'（', U'）'}, {U'【', U'】'},
        {U'〈', U'〉'}, {U'〔', U'〕'}, {U'「', U'」'}, {U'『', U'』'}, {U'〖', U'〗'}};
    auto opener_of = [](char32_t c) -> char32_t {
      for (auto [o, cl] : kPairs)
        if (c == cl) return o;
      return 0;
    };
    auto is_opener = [](char32_t c) {
      for (auto [o, cl] : kPairs)
        if (c == o) return true;
      return false;
    };
    std::vector<std::size_t> stack;
    for (std::size_t i = 0; i < t_.size(); ++i) {
      const char32_t c = t_.chars[i].c;
      const auto si = static_cast<std::ptrdiff_t>(i);
      if (is_opener(c)) {
        stack.push_back(i);
        continue;
      }
      const char32_t opener = opener_of(c);
      if (!opener) continue;
      // ’ as an apostrophe in Latin text (Xi’an, O’Brien, it’s).
      if (c == U'’' && is_ascii_letter(t_.at(si - 1))) {
        const bool open_quote = std::any_of(stack.begin(), stack.end(), [&](std::size_t s) { return t_.chars[s].c == U'‘'; });
        if (!open_quote || is_ascii_letter(t_.at(si + 1))) continue;
      }
      auto match = std::find_if(stack.rbegin(), stack.rend(), [&](std::size_t s) { return t_.chars[s].c == opener; });
      if (match == stack.rend()) {
        unbalanced(i, false);
        continue;
      }
      // Openers above the match were never closed.
      const std::size_t keep = static_cast<std::size_t>(stack.rend() - match) - 1;
      for (std::size_t k = keep + 1; k < stack.size(); ++k) unbalanced(stack[k], true);
      stack.resize(keep);
    }
    for (std::size_t s : stack) unbalanced(s, true);
  }

  void unbalanced(std::size_t i, bool opener) {
    const std::string mark = encode(t_.chars[i].c);
    hit(i, i + 1, "unbalanced_pair",
        opener ? "“" + mark + "”没有对应的后一半（GB/T 15834-2011 §4.8、§4.9、§4.15：成对使用）"
               : "“" + mark + "”前面没有对应的前一半（GB/T 15834-2011 §4.8、§4.9、§4.15：成对使用）",
        opener ? "'" + mark + "' is never closed (GB/T 15834-2011 §4.8, §4.9, §4.15: paired marks)"
               : "'" + mark + "' closes nothing (GB/T 15834-2011 §4.8, §4.9, §4.15: paired marks)");
  }

  Context& ctx_;
  const Text& t_;
  const Locate& locate_;
  std::vector<std::pair<std::size_t, Finding>> hits_;  ///< (char index, finding)
};

// Measure words of counted statistics (rule N3 compares these); longest first.
constexpr std::u32string_view kMeasures[] = {U"场次", U"人次", U"万元", U"亿元", U"件", U"次", U"场", U"名", U"人",
                                             U"条", U"份", U"篇", U"项", U"家", U"户", U"期", U"批", U"元"};

bool is_chinese_numeral(char32_t c) {
  static constexpr std::u32string_view numerals = U"〇零一二两三四五六七八九十百千万亿";
  return numerals.find(c) != std::u32string_view::npos;
}

}  // namespace

void lint(Context& ctx, std::string_view text, const Locate& locate) {
  Text t{text, decode(text)};
  Linter(ctx, t, locate).run();
}

void collect_numbers(std::string_view text, const Locate& locate, std::vector<NumberUse>& uses) {
  Text t{text, decode(text)};
  int quoted = 0;  // depth inside “” and 《》: slogans and titles keep their numerals (rule N6)
  const std::size_t n = t.size();
  for (std::size_t i = 0; i < n;) {
    const char32_t c = t.chars[i].c;
    if (c == U'“' || c == U'《') ++quoted;
    if ((c == U'”' || c == U'》') && quoted > 0) --quoted;
    const bool arabic = is_ascii_digit(c);
    if (!arabic && !is_chinese_numeral(c)) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < n && (arabic ? is_ascii_digit(t.chars[j].c) : is_chinese_numeral(t.chars[j].c))) ++j;
    const char32_t before = t.at(static_cast<std::ptrdiff_t>(i) - 1);
    const char32_t after = t.at(static_cast<std::ptrdiff_t>(j));
    // Skip ordinals (第四次), session names (九届三次全会), parts of decimals and codes
    // (2.5, PM2, 1,234) and idioms made of one place word (千家万户, 百花).
    bool skip = quoted > 0 || before == U'第' || before == U'届' || before == '.' || after == '.' ||
                is_ascii_letter(before) || is_ascii_letter(after) || after == ',' || before == ',' ||
                (!arabic && j == i + 1 && std::u32string_view(U"百千万亿").find(c) != std::u32string_view::npos);
    std::size_t unit_end = j;
    std::u32string unit;
    if (!skip)
      for (auto m : kMeasures) {
        bool match = j + m.size() <= n;
        for (std::size_t k = 0; match && k < m.size(); ++k) match = t.chars[j + k].c == m[k];
        if (match) {
          unit = m;
          unit_end = j + m.size();
          break;
        }
      }
    // 一件一件: a numeral right after the measure word makes a fixed phrase; 三次全会,
    // 二次会议: a session name (rule N7 wants Chinese there).
    if (!unit.empty() && unit_end < n &&
        (is_chinese_numeral(t.chars[unit_end].c) || is_ascii_digit(t.chars[unit_end].c) ||
         (unit == U"次" && (t.chars[unit_end].c == U'会' || t.chars[unit_end].c == U'全'))))
      unit.clear();
    if (!unit.empty()) {
      const std::string numeral = t.slice(i, j);
      double value = -1;
      if (arabic) {
        value = std::stod(numeral.size() > 15 ? "0" : numeral);
      } else if (auto v = parse_chinese_numeral(numeral)) {
        value = static_cast<double>(*v);
      }
      if (value >= 3) {
        std::string unit_text;
        for (char32_t u : unit) unit_text += encode(u);
        uses.push_back(NumberUse{value, unit_text, !arabic, t.slice(i, unit_end), locate(t.chars[i].offset)});
      }
    }
    i = j;
  }
}

void check_number_mixed(Context& ctx, const std::vector<NumberUse>& uses) {
  // Statistics are written in Arabic digits (rule N1): when a count appears in both
  // forms, each Chinese use is the one to change; it names the first Arabic use.
  std::map<std::pair<double, std::string>, const NumberUse*> first_arabic;
  for (const NumberUse& u : uses)
    if (!u.chinese) first_arabic.emplace(std::pair{u.value, u.unit}, &u);
  for (const NumberUse& u : uses) {
    if (!u.chinese) continue;
    const auto it = first_arabic.find(std::pair{u.value, u.unit});
    if (it == first_arabic.end()) continue;
    const NumberUse& a = *it->second;
    ctx.add(Severity::warning, "number_mixed", u.where,
            "同一数字两种写法：“" + u.written + "”与“" + a.written + "”（" + a.where.to_string() +
                "）；同类数字应统一写法，统计数字用阿拉伯数字（GB/T 15835-2011 §4.1.1、§4.3，N1、N3）",
            "the same number written two ways: '" + u.written + "' and '" + a.written + "' (" + a.where.to_string() +
                "); write numbers of one kind alike, statistics in Arabic digits (GB/T 15835-2011 §4.1.1, §4.3, "
                "rules N1, N3)");
  }
}

}  // namespace baogao::checks
