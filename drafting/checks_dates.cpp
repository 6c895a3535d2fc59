// Date checks: the meeting date and the plan year against the year the report
// reviews (manifest `dates`). A report on year Y is delivered late in Y or early in
// Y+1 and plans Y+1.
#include <cctype>
#include <optional>
#include <regex>

#include "drafting/checks_internal.hpp"
#include "drafting/number_forms.hpp"

namespace baogao::checks {
namespace {

/// The value at a root path through groups ("meeting.date"), or null.
const Value* at_path(const Value& root, const std::string& path) {
  const Value* v = &root;
  for (std::size_t at = 0; v && at <= path.size();) {
    std::size_t dot = path.find('.', at);
    if (dot == std::string::npos) dot = path.size();
    v = v->is_object() ? v->find(path.substr(at, dot - at)) : nullptr;
    at = dot + 1;
  }
  return v && !v->is_null() ? v : nullptr;
}

/// A date as written: ISO (2017-12-13, 2017-12, 2017), Chinese (2017年12月13日,
/// 2017年) or a year as a number.
std::optional<IsoDate> read_date(const Value& v) {
  if (v.kind == Value::Kind::number) {
    if (v.number >= 1000 && v.number <= 9999 && v.number == static_cast<int>(v.number))
      return IsoDate{static_cast<int>(v.number), 0, 0};
    return std::nullopt;
  }
  if (v.kind != Value::Kind::string) return std::nullopt;
  return parse_date(v.text);
}

std::string shown(const IsoDate& d) {
  std::string out = std::to_string(d.year) + "年";
  if (d.month) out += std::to_string(d.month) + "月";
  if (d.day) out += std::to_string(d.day) + "日";
  return out;
}

/// Full dates and year-months written in free text under `v` (2018年1月5日, 2018年1月)
/// after `meeting`: past work cannot happen after the report is delivered.
void dates_after(Context& ctx, const Value& v, const IsoDate& meeting, const Source& meeting_source) {
  if (v.is_object()) {
    for (const auto& member : v.members) dates_after(ctx, member.second, meeting, meeting_source);
    return;
  }
  if (v.is_array()) {
    for (const auto& item : v.items) dates_after(ctx, item, meeting, meeting_source);
    return;
  }
  if (v.kind != Value::Kind::string) return;
  static const std::regex date(R"(([0-9]{4})年([0-9]{1,2})月(?:([0-9]{1,2})日)?)");
  for (std::sregex_iterator it(v.text.begin(), v.text.end(), date), end; it != end; ++it) {
    const std::smatch& m = *it;
    if (m.position(0) > 0 && std::isdigit(static_cast<unsigned char>(v.text[static_cast<std::size_t>(m.position(0)) - 1])))
      continue;  // part of a longer number
    const IsoDate d{std::stoi(m[1].str()), std::stoi(m[2].str()), m[3].matched ? std::stoi(m[3].str()) : 0};
    const bool later = d.year != meeting.year   ? d.year > meeting.year
                       : d.month != meeting.month ? d.month > meeting.month
                                                  : d.day && meeting.day && d.day > meeting.day;
    if (!later) continue;
    ctx.add(Severity::error, "date_conflict", v.source,
            "工作回顾中的日期" + shown(d) + "晚于报告日期" + shown(meeting) + "（" + meeting_source.to_string() +
                "）：已完成的工作不能发生在报告之后",
            "the review mentions " + shown(d) + ", after the report date " + shown(meeting) + " (" +
                meeting_source.to_string() + "): past work cannot come after the report");
  }
}

}  // namespace

void check_dates(Context& ctx, const Value& root, const Manifest& manifest) {
  const DateChecks& paths = manifest.dates;
  const Value* year_value = paths.report_year.empty() ? nullptr : at_path(root, paths.report_year);
  const Value* meeting_value = paths.meeting_date.empty() ? nullptr : at_path(root, paths.meeting_date);
  const Value* next_value = paths.next_year.empty() ? nullptr : at_path(root, paths.next_year);
  const auto year = year_value ? read_date(*year_value) : std::nullopt;
  const auto meeting = meeting_value ? read_date(*meeting_value) : std::nullopt;
  const auto next = next_value ? read_date(*next_value) : std::nullopt;

  if (year && meeting && meeting->year != year->year && meeting->year != year->year + 1) {
    const std::string y = std::to_string(year->year), y1 = std::to_string(year->year + 1);
    ctx.add(Severity::error, "date_conflict", meeting_value->source,
            "报告日期" + shown(*meeting) + "与报告年度" + y + "年不符：" + y + "年的工作报告应在" + y + "年或" + y1 +
                "年作出（报告年度见" + year_value->source.to_string() + "）",
            "the report date " + shown(*meeting) + " contradicts the report year " + y + ": a report on " + y +
                " is delivered in " + y + " or " + y1 + " (report year at " + year_value->source.to_string() + ")");
  }
  if (next && year && next->year != year->year + 1) {
    const std::string y = std::to_string(year->year), y1 = std::to_string(year->year + 1);
    ctx.add(Severity::error, "date_conflict", next_value->source,
            "下年工作的年份" + std::to_string(next->year) + "年应为报告年度" + y + "年的下一年" + y1 + "年",
            "the year planned, " + std::to_string(next->year) + ", should be the year after the report year " + y +
                ", that is " + y1);
  } else if (next && !year && meeting && next->year != meeting->year && next->year != meeting->year + 1) {
    ctx.add(Severity::error, "date_conflict", next_value->source,
            "下年工作的年份" + std::to_string(next->year) + "年与报告日期" + shown(*meeting) + "不符",
            "the year planned, " + std::to_string(next->year) + ", contradicts the report date " + shown(*meeting));
  }
  if (meeting && meeting->month && !paths.review.empty())
    if (const Value* review = at_path(root, paths.review)) dates_after(ctx, *review, *meeting, meeting_value->source);
}

}  // namespace baogao::checks
