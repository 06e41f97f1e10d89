package io.spime.cloud.service.internal.web;

import java.util.Optional;

/** An answer other than success, written as RFC 9457 problem details naming the field at fault. */
public final class ApiProblem extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int status;
  private final String title;
  private final transient Optional<String> field;

  private ApiProblem(int status, String title, String detail, Optional<String> field) {
    super(detail);
    this.status = status;
    this.title = title;
    this.field = field;
  }

  /** 400: a parameter, header or body field is malformed; {@code field} names it. */
  public static ApiProblem badRequest(String field, String detail) {
    return new ApiProblem(400, "Invalid request", detail, Optional.of(field));
  }

  /** 403: the caller's role or party may not do this, whatever the data. */
  public static ApiProblem forbidden(String detail) {
    return new ApiProblem(403, "Forbidden", detail, Optional.empty());
  }

  /** 404: nothing the caller may see is here (also when something is, but not for them). */
  public static ApiProblem notFound(String detail) {
    return new ApiProblem(404, "Not found", detail, Optional.empty());
  }

  /** 409: the write breaks a rule of the twin in its current state. */
  public static ApiProblem conflict(String field, String detail) {
    return new ApiProblem(409, "Conflict", detail, Optional.of(field));
  }

  /** 412: If-Match does not name the twin's current revision. */
  public static ApiProblem preconditionFailed(String detail) {
    return new ApiProblem(412, "Precondition failed", detail, Optional.of("If-Match"));
  }

  /** 428: a write without If-Match. */
  public static ApiProblem preconditionRequired() {
    return new ApiProblem(428, "Precondition required",
        "writes need If-Match with the twin's revision (its ETag); read the twin first", Optional.of("If-Match"));
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }

  public Optional<String> field() {
    return field;
  }
}
