package io.spime.cloud.service;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Checks a real answer against the OpenAPI 3.1 document the service serves: its path, status and schema. */
final class OpenApiCheck {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNode DOC = load("/openapi/openapi.json");
  private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

  private OpenApiCheck() {}

  static JsonNode document() {
    return DOC;
  }

  static JsonNode load(String resource) {
    try (InputStream in = OpenApiCheck.class.getResourceAsStream(resource)) {
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Fails unless the document declares this answer and the body matches its schema. */
  static void conforms(String method, String path, int status, String contentType, JsonNode body) {
    String template = template(path);
    JsonNode op = DOC.path("paths").path(template).path(method.toLowerCase());
    if (op.isMissingNode()) {
      fail("the OpenAPI document has no " + method + " " + template);
    }
    JsonNode response = op.path("responses").path(Integer.toString(status));
    if (response.isMissingNode()) {
      fail("the OpenAPI document does not declare " + status + " for " + method + " " + template);
    }
    String media = contentType == null ? "" : contentType.split(";")[0].strip();
    JsonNode schema = response.path("content").path(media).path("schema");
    if (schema.isMissingNode()) {
      fail("the OpenAPI document declares no " + media + " for " + status + " of " + method + " " + template);
    }
    if (body == null) {
      return;
    }
    List<Error> errors = schema(schema).validate(body);
    assertTrue(errors.isEmpty(), method + " " + path + " " + status + " does not match its schema: " + errors);
  }

  private static Schema schema(JsonNode schema) {
    return SCHEMAS.computeIfAbsent(schema.toString(), s -> {
      ObjectNode wrapper = JSON.createObjectNode();
      wrapper.put("$schema", "https://json-schema.org/draft/2020-12/schema");
      wrapper.set("$defs", DOC.path("components").path("schemas"));
      wrapper.setAll((ObjectNode) schema.deepCopy());
      String text = wrapper.toString().replace("#/components/schemas/", "#/$defs/");
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(text);
    });
  }

  /** Fails unless the body is a spime record as its published JSON Schema describes. */
  static void isSpimeRecord(JsonNode body) {
    Schema schema = SCHEMAS.computeIfAbsent("spime-record", k -> SchemaRegistry
        .withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(load("/openapi/spime-record.schema.json").toString()));
    List<Error> errors = schema.validate(body);
    assertTrue(errors.isEmpty(), "the record does not match spime-record.schema.json: " + errors);
  }

  /** The document's path template this concrete path matches. */
  static String template(String path) {
    String p = path.split("\\?")[0];
    for (Iterator<String> it = DOC.path("paths").fieldNames(); it.hasNext(); ) {
      String t = it.next();
      if (p.matches(t.replaceAll("\\{[^/]+}", "[^/]+"))) {
        return t;
      }
    }
    fail("no path of the OpenAPI document matches " + p);
    return p;
  }
}
