// The zip container — ECMA-376 Part 2 Annex C (ZIP appnote 6.2 subset), built in
// memory with libzip. Rules from docx-bugs D2–D4:
//  - every part is added from a buffer of known size, so libzip never writes a ZIP64
//    extra field (it forces one when a source's size is unknown, zip_close.c);
//  - file entries only (no zip_dir_add), deflate, data written to a seekable buffer
//    so local headers carry CRC and sizes (no data descriptors);
//  - one fixed DOS timestamp, 1980-01-01 00:00, set directly as DOS date/time (not
//    through time_t, whose conversion depends on the local time zone);
//  - entries in the caller's order, [Content_Types].xml first.
#include <zip.h>

#include <memory>
#include <stdexcept>

#include "exporters/docx/parts.hpp"

namespace baogao::docx {
namespace {

constexpr zip_uint16_t kDosTime = 0;                              // 00:00:00
constexpr zip_uint16_t kDosDate = (0 << 9) | (1 << 5) | 1;        // 1980-01-01 (years since 1980)

[[noreturn]] void fail(const std::string& what, zip_error_t* error) {
  throw std::runtime_error("docx: libzip failed to " + what + ": " + zip_error_strerror(error));
}

[[noreturn]] void fail(const std::string& what, zip_t* archive) {
  fail(what, zip_get_error(archive));
}

struct SourceDeleter {
  void operator()(zip_source_t* s) const { zip_source_free(s); }
};

}  // namespace

std::string zip_package(const std::vector<Part>& parts) {
  zip_error_t error;
  zip_error_init(&error);
  std::unique_ptr<zip_source_t, SourceDeleter> target(zip_source_buffer_create(nullptr, 0, 0, &error));
  if (!target) fail("create a memory buffer", &error);
  zip_t* archive = zip_open_from_source(target.get(), ZIP_TRUNCATE, &error);
  if (!archive) fail("open the memory buffer", &error);
  zip_source_keep(target.get());  // the archive's close must not free the bytes we return

  for (const auto& part : parts) {
    zip_source_t* source = zip_source_buffer(archive, part.data.data(), part.data.size(), 0);
    if (!source) fail("add " + part.name, archive);
    const zip_int64_t index = zip_file_add(archive, part.name.c_str(), source, ZIP_FL_ENC_UTF_8);
    if (index < 0) {
      zip_source_free(source);
      fail("add " + part.name, archive);
    }
    const auto i = static_cast<zip_uint64_t>(index);
    if (zip_set_file_compression(archive, i, ZIP_CM_DEFLATE, 9) < 0 ||
        zip_file_set_dostime(archive, i, kDosTime, kDosDate, 0) < 0)
      fail("set up " + part.name, archive);
  }
  if (zip_close(archive) < 0) {
    std::string message = zip_error_strerror(zip_get_error(archive));
    zip_discard(archive);
    throw std::runtime_error("docx: libzip failed to write the package: " + message);
  }

  // Read the finished archive back out of the buffer source.
  if (zip_source_open(target.get()) < 0) fail("reopen the package", zip_source_error(target.get()));
  std::string bytes;
  char chunk[65536];
  zip_int64_t n;
  while ((n = zip_source_read(target.get(), chunk, sizeof chunk)) > 0) bytes.append(chunk, static_cast<size_t>(n));
  const bool read_failed = n < 0;
  zip_source_close(target.get());
  if (read_failed) fail("read the package", zip_source_error(target.get()));
  return bytes;
}

}  // namespace baogao::docx
