// A small blocking HTTP/1.1 client over Boost.Beast for tests of the server. Test-only.
#ifndef DONDOC_HTTP_TEST_CLIENT_H_
#define DONDOC_HTTP_TEST_CLIENT_H_

#include <zlib.h>

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <map>
#include <string>
#include <string_view>

namespace dondoc::http::testing {

struct ClientResponse {
  int status = 0;  // 0: the connection failed or closed before an answer
  std::map<std::string, std::string> headers;  // names lower-case; repeated ones joined "\n"
  std::string body;
  bool keep_alive = false;
};

// Inflates a gzip stream; "<bad gzip>" when `z` is not exactly one.
inline std::string Gunzip(std::string_view z) {
  z_stream s{};
  if (inflateInit2(&s, 16 + MAX_WBITS) != Z_OK) return "<bad gzip>";
  std::string out;
  char buf[65536];
  s.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(z.data()));
  s.avail_in = static_cast<uInt>(z.size());
  int rc = Z_OK;
  while (rc == Z_OK) {
    s.next_out = reinterpret_cast<Bytef*>(buf);
    s.avail_out = sizeof buf;
    rc = inflate(&s, Z_NO_FLUSH);
    out.append(buf, sizeof buf - s.avail_out);
  }
  inflateEnd(&s);
  return rc == Z_STREAM_END && s.avail_in == 0 ? out : "<bad gzip>";
}

// One connection; Send() reconnects when the server has closed it.
class Client {
 public:
  explicit Client(unsigned short port) : port_(port), socket_(ioc_) {}

  ClientResponse Send(const std::string& method, const std::string& target,
                      const std::string& body = "", const std::string& content_type = "",
                      const std::map<std::string, std::string>& headers = {}) {
    namespace bhttp = boost::beast::http;
    boost::beast::error_code ec;
    if (!socket_.is_open()) {
      socket_.connect({boost::asio::ip::make_address("127.0.0.1"), port_}, ec);
      if (ec) return {};
      ++connections_;
    }
    bhttp::request<bhttp::string_body> req;
    req.method_string(method);
    req.target(target);
    req.version(11);
    req.set(bhttp::field::host, "127.0.0.1");
    if (!content_type.empty()) req.set(bhttp::field::content_type, content_type);
    for (const auto& [k, v] : headers) req.set(k, v);
    req.body() = body;
    req.prepare_payload();
    bhttp::write(socket_, req, ec);
    ClientResponse out;
    if (ec) {
      Close();
      return out;
    }
    bhttp::response_parser<bhttp::string_body> parser;
    parser.body_limit(64 * 1024 * 1024);
    parser.skip(method == "HEAD");  // a HEAD answer has a Content-Length but no body
    bhttp::read(socket_, buffer_, parser, ec);
    if (ec) {
      Close();
      return out;
    }
    auto& res = parser.get();
    out.status = static_cast<int>(res.result_int());
    for (const auto& f : res) {
      std::string name(f.name_string());
      for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      std::string value(f.value());
      auto [it, inserted] = out.headers.emplace(name, value);
      if (!inserted) it->second += "\n" + value;
    }
    out.body = res.body();
    out.keep_alive = res.keep_alive();
    if (!out.keep_alive) Close();
    return out;
  }

  // Sends raw bytes and reads whatever answer comes (for malformed requests).
  ClientResponse SendRaw(const std::string& bytes) {
    namespace bhttp = boost::beast::http;
    Close();
    boost::beast::error_code ec;
    socket_.connect({boost::asio::ip::make_address("127.0.0.1"), port_}, ec);
    if (ec) return {};
    ++connections_;
    boost::asio::write(socket_, boost::asio::buffer(bytes), ec);
    ClientResponse out;
    bhttp::response_parser<bhttp::string_body> parser;
    bhttp::read(socket_, buffer_, parser, ec);
    if (ec) {
      Close();
      return out;
    }
    out.status = static_cast<int>(parser.get().result_int());
    out.body = parser.get().body();
    out.keep_alive = parser.get().keep_alive();
    Close();
    return out;
  }

  int connections() const { return connections_; }

  void Close() {
    boost::beast::error_code ec;
    socket_.shutdown(boost::asio::ip::tcp::socket::shutdown_both, ec);
    socket_.close(ec);
    buffer_.clear();
  }

 private:
  unsigned short port_;
  boost::asio::io_context ioc_;
  boost::asio::ip::tcp::socket socket_;
  boost::beast::flat_buffer buffer_;
  int connections_ = 0;
};

}  // namespace dondoc::http::testing

#endif  // DONDOC_HTTP_TEST_CLIENT_H_
