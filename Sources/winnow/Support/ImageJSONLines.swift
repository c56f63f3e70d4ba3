import WinnowCore
import WinnowImaging

/// The JSON Lines the image commands print, written with WinnowCore's compact, key-sorted JSON writer
/// (cheaper per line than Foundation's encoder, and the same text manifests use).
enum ImageJSONLines {
    /// `{"aspect_ratio":…,"brightness":…,…,"file":…,"format":…,…,"width":…}`.
    static func features(file: String, format: ImageFormat, _ features: ImageFeatures) -> String {
        JSONWriter.serialize(.object([
            "file": .string(file),
            "format": .string(format.rawValue),
            "width": .number(Double(features.width)),
            "height": .number(Double(features.height)),
            "resolution": .number(features.area),
            "aspect_ratio": .number(features.aspectRatio),
            "brightness": .number(features.brightness),
            "saturation": .number(features.saturation),
            "colorfulness": .number(features.colorfulness),
            "sharpness": .number(features.sharpness),
        ]))
    }

    /// `{"embedding":[…],"file":…}`, each float in its shortest Float form (`0.08813354`, not the
    /// `0.08813353627920151` of its Double widening).
    static func embedding(file: String, _ embedding: [Float]) -> String {
        let values = embedding.map { value in JSONValue.number(Double(value.description) ?? Double(value)) }
        return JSONWriter.serialize(.object(["file": .string(file), "embedding": .array(values)]))
    }

    /// `{"error":{"code":…,"message":…},"file":…}`.
    static func failure(file: String, _ error: ImageError) -> String {
        JSONWriter.serialize(.object([
            "file": .string(file),
            "error": .object(["code": .string(error.code.rawValue), "message": .string(error.message)]),
        ]))
    }
}
