import Foundation
import WinnowCore

/// The OpenAPI 3 document served at `/openapi.json`, built from ``OpenAPIOperation/all`` and the
/// schemas below.
enum OpenAPIDocument {
    static func json() -> JSONValue {
        var paths: [String: [String: JSONValue]] = [:]
        for operation in OpenAPIOperation.all {
            paths[operation.path, default: [:]][operation.method] = describe(operation)
        }
        return .object([
            "openapi": .string("3.0.3"),
            "info": .object([
                "title": .string("Winnow API"),
                "version": .string("1"),
                "description": .string("""
                    Batch services, data collection (sync to dataset, hard-example filtering) and review. JSON with snake_case keys; \
                    errors are {"error_code": "WINNOW.…", "error_msg": "…"}. With an access token, send Authorization: Bearer TOKEN.
                    """),
            ]),
            "paths": .object(paths.mapValues { .object($0) }),
            "components": .object([
                "schemas": .object(schemas),
                "securitySchemes": .object(["bearer": .object(["type": .string("http"), "scheme": .string("bearer")])]),
            ]),
            "security": .array([.object(["bearer": .array([])])]),
        ])
    }

    private static func describe(_ operation: OpenAPIOperation) -> JSONValue {
        var object: [String: JSONValue] = [
            "summary": .string(operation.summary),
            "tags": .array([.string(operation.tag)]),
            "operationId": .string(operation.method + operation.path.split(separator: "/").map { $0.replacingOccurrences(of: "{", with: "by_").replacingOccurrences(of: "}", with: "") }.joined(separator: "_")),
        ]
        if !operation.parameters.isEmpty {
            object["parameters"] = .array(operation.parameters.map { parameter in
                switch parameter {
                case .path(let name, let text):
                    .object(["name": .string(name), "in": .string("path"), "required": .bool(true), "description": .string(text), "schema": type("string")])
                case .query(let name, let text, let kind):
                    .object(["name": .string(name), "in": .string("query"), "description": .string(text), "schema": type(kind)])
                }
            })
        }
        if let body = operation.body {
            object["requestBody"] = .object(["required": .bool(true), "content": .object(["application/json": .object(["schema": ref(body)])])])
        }
        var responses: [String: JSONValue] = [:]
        for (status, schema) in operation.responses {
            var response: [String: JSONValue] = ["description": .string(status < 300 ? "success" : "error")]
            if schema == "Image" {
                response["content"] = .object(["image/*": .object(["schema": .object(["type": .string("string"), "format": .string("binary")])])])
            } else if schema == "HTML" {
                response["content"] = .object(["text/html": .object(["schema": .object(["type": .string("string")])])])
            } else if schema == "SVG" {
                response["content"] = .object(["image/svg+xml": .object(["schema": .object(["type": .string("string")])])])
            } else if let schema {
                response["content"] = .object(["application/json": .object(["schema": ref(schema)])])
            }
            responses[String(status)] = .object(response)
        }
        responses["401"] = .object(["description": .string("missing or wrong access token"), "content": .object(["application/json": .object(["schema": ref("Error")])])])
        object["responses"] = .object(responses)
        return .object(object)
    }

    static func ref(_ name: String) -> JSONValue { .object(["$ref": .string("#/components/schemas/" + name)]) }
    static func type(_ name: String) -> JSONValue { .object(["type": .string(name)]) }
    static func array(_ item: JSONValue) -> JSONValue { .object(["type": .string("array"), "items": item]) }
    static func nullable(_ name: String) -> JSONValue { .object(["type": .string(name), "nullable": .bool(true)]) }

    static func object(_ properties: [String: JSONValue], required: [String] = []) -> JSONValue {
        var object: [String: JSONValue] = ["type": .string("object"), "properties": .object(properties)]
        if !required.isEmpty { object["required"] = .array(required.map(JSONValue.string)) }
        return .object(object)
    }

    static func list(_ item: String) -> JSONValue {
        object(["items": array(ref(item)), "count": type("integer")], required: ["items", "count"])
    }

    private static let s = type("string"), i = type("integer"), n = type("number"), b = type("boolean")
    private static let dataset: [String: JSONValue] = ["dataset": s, "new_dataset": s]

    static let schemas: [String: JSONValue] = [
        "Error": object(["error_code": s, "error_msg": s, "field": s], required: ["error_code", "error_msg"]),
        "ModelSpec": object([
            "name": s, "version": s, "type": s, "url": s, "command": .object(["oneOf": .array([s, array(s)])]), "request_path": s, "field_name": s,
            "health_path": s, "max_concurrent_requests": i, "timeout_seconds": n, "startup_timeout_seconds": n, "description": s,
        ], required: ["name", "type"]),
        "Model": object([
            "name": s, "version": s, "type": s, "url": s, "command": array(s), "request_path": s, "field_name": s, "health_path": s,
            "max_concurrent_requests": i, "timeout_seconds": n, "startup_timeout_seconds": n, "directory": s, "registered_at": s,
        ]),
        "ModelList": list("Model"),
        "DeployRequest": object([
            "name": s, "model": s, "input": s, "output": s, "instances": i, "timeout_seconds": n, "manifest_lines": i, "start": b,
            "hard_examples": ref("FilterRequest"),
        ], required: ["name", "model", "input", "output"]),
        "FilterRequest": object(dataset.merging([
            "model_type": s, "training_manifest": s,
            "reasons": .object(["oneOf": .array([s, array(i)]), "description": .string("Reason codes to run, \"0,1,5-10,30\" or [0, 1, 5]; default all 0–30")]),
            "max": i, "max_fraction": n, "diversity": b, "seed": i,
            "ranking": .object([
                "type": .string("string"), "enum": .array(SelectionConfiguration.Ranking.allCases.map { JSONValue.string($0.rawValue) }),
                "description": .string("What fills a budget first: coefficient (most and strongest reasons) or informativeness (closest to the decision boundary); default \(SelectionConfiguration.defaultRanking.rawValue)"),
            ]),
            "configuration": ref("MiningConfiguration"),
        ]) { a, _ in a }),
        "MiningConfiguration": .object([
            "type": .string("object"),
            "description": .string("Every mining threshold: any subset of the keys `winnow mine --explain` prints (snake_case or camelCase); missing keys keep their defaults"),
            "additionalProperties": .bool(true),
        ]),
        "MiningSummary": object([
            "entries": i, "scored": i, "failures": i, "hard": i, "selected": i, "problems": i,
            "hard_by_reason": .object(["type": .string("object"), "additionalProperties": i]),
            "selected_by_reason": .object(["type": .string("object"), "additionalProperties": i]),
            "coefficient_counts": array(i), "notes": array(s), "training_manifest": s, "model": s,
            "feature_distributions": array(object([
                "reason": i, "name": s, "scale": s,
                "batch": ref("FeatureHistogram"), "training": ref("FeatureHistogram"),
            ])),
        ]),
        "FeatureHistogram": object(["lower": n, "upper": n, "counts": array(i), "skipped": i]),
        "SyncRequest": object(dataset.merging(["labeling_type": s]) { a, _ in a }, required: ["labeling_type"]),
        "ImportOutputRequest": object(["name": s, "type": s, "input": s, "output": s], required: ["name", "type", "input", "output"]),
        "Service": object([
            "id": s, "name": s, "model": s, "model_type": s, "input_kind": s, "input": s, "output": s,
            "status": .object(["type": .string("string"), "enum": .array(["deploying", "running", "finished", "failed", "stopped"].map(JSONValue.string))]),
            "progress": object(["succeeded": i, "failed": i, "done": i, "total": i, "percent": n, "invocations": i, "failed_invocations": i]),
            "error": s, "instances": i, "timeout_seconds": n, "run_id": s, "created_at": s, "started_at": s, "finished_at": s,
            "hard_examples": object([
                "enabled": b, "model_type": s, "training_manifest": s, "dataset_id": s, "dataset_name": s, "configuration": ref("MiningConfiguration"),
            ]),
        ]),
        "ServiceList": list("Service"),
        "FilterConfigured": object(["service": ref("Service"), "restart_needed": b, "hint": s]),
        "Task": object([
            "id": s, "kind": s, "service_id": s, "service_name": s, "dataset_id": s, "dataset_name": s, "status": s, "status_text": s,
            "failure_reason": s, "scanned": i, "hard": i, "imported": i, "created_at": s, "started_at": s, "finished_at": s,
            "report": s, "mining": ref("MiningSummary"),
        ]),
        "TaskList": list("Task"),
        "CreateDatasetRequest": object(["name": s, "labeling_type": s, "description": s], required: ["name", "labeling_type"]),
        "Dataset": object([
            "id": s, "name": s, "labeling_type": s, "description": s, "created_at": s, "updated_at": s,
            "statistics": object([
                "total": i, "hard": i, "by_state": .object(["type": .string("object"), "additionalProperties": i]),
                "by_reason": array(object(["id": i, "alias": s, "count": i])),
            ]),
        ]),
        "DatasetList": list("Dataset"),
        "ExportRequest": object(["path": s, "state": s, "hard_only": b, "clear_hard": b], required: ["path"]),
        "Export": object(["path": s, "samples": i, "annotation_files": i, "annotation_folder": s]),
        "ImportRequest": object(["manifest": s, "skip_invalid": b], required: ["manifest"]),
        "Import": object(["lines": i, "inserted": i, "replaced": i, "skipped": i, "invalid_lines": i]),
        "Label": object([
            "name": s, "type": s, "shape": s, "box": object(["xmin": n, "ymin": n, "xmax": n, "ymax": n]), "confidence": n,
            "annotated_by": s, "confirmed": b,
        ]),
        "Sample": object([
            "id": s, "dataset_id": s, "source": s, "state": s, "labels": array(ref("Label")), "hard": b, "hard_coefficient": n,
            "hard_reasons": array(i), "image_size": object(["width": i, "height": i]), "created_at": s, "updated_at": s,
        ]),
        "SampleDetail": object([
            "sample": ref("Sample"), "usage": s, "inference_location": s,
            "reasons": array(object([
                "reason": i, "alias": s, "description": s, "score": n, "measured": n, "reference": s, "suggestion": s,
            ])),
        ]),
        "SamplePage": object(["samples": array(ref("Sample")), "total": i, "limit": i, "offset": i, "next_cursor": s]),
        "ConfirmRequest": object([
            "label": s, "voc": s, "keep": array(i),
            "boxes": array(object(["name": s, "xmin": n, "ymin": n, "xmax": n, "ymax": n], required: ["name", "xmin", "ymin", "xmax", "ymax"])),
        ]),
        "BatchConfirmRequest": object(["ids": array(s), "label": s], required: ["ids"]),
        "Review": object(["updated": i, "samples": array(ref("Sample"))]),
    ]
}
