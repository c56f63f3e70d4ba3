import ArgumentParser
import Foundation
import WinnowCore
import WinnowImaging

/// `winnow image augment INPUT --kind K --out FILE`
struct ImageAugmentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "augment",
        abstract: "Write an augmented copy of an image (reasons 19–29) and print how its frame maps back.",
        discussion: """
            Parameters are drawn from --seed, so the same seed gives the same copy. The output is JPEG or PNG by the
            extension of --out. Prints JSON: the augmentation, its reason and the mapping original = A·augmented + t.
            """
    )

    @Argument(help: ArgumentHelp("The image to augment.", valueName: "image"))
    var input: String

    @Option(name: .customLong("kind"), help: "The augmentation.")
    var kind: AugmentationKind

    @Option(name: .customLong("seed"), help: "Seed for the parameters.")
    var seed: UInt64 = 0

    @Option(name: .customLong("out"), help: ArgumentHelp("Where to write the copy (.jpg, .jpeg or .png).", valueName: "file"))
    var output: String

    func validate() throws {
        let lowered = output.lowercased()
        guard [".jpg", ".jpeg", ".png"].contains(where: lowered.hasSuffix) else {
            throw ValidationError("--out must end in .jpg, .jpeg or .png")
        }
    }

    func run() async throws {
        try await reportingFailures {
            let image = try ImageDecoder().decodeFile(atPath: input)
            let augmentation = kind.sample(seed: seed, imageWidth: image.raster.width, imageHeight: image.raster.height)
            let augmented = augmentation.apply(to: image.raster)
            let bytes = output.lowercased().hasSuffix(".png")
                ? try PNGEncoder().encode(augmented.image)
                : try JPEGEncoder(quality: 92).encode(augmented.image)
            do {
                try Data(bytes).write(to: URL(fileURLWithPath: output), options: .atomic)
            } catch {
                throw CLIError("cannot write \(output): \(error.localizedDescription)")
            }
            let m = augmented.mapping
            try Console.json(AugmentView(
                kind: kind.rawValue, reason: kind.reasonID, parameters: String(describing: augmentation),
                output: output, mapping: [m.a, m.b, m.tx, m.c, m.d, m.ty]))
        }
    }

    struct AugmentView: Encodable {
        var kind: String
        var reason: Int
        var parameters: String
        var output: String
        /// Row-major 2 × 3: original x = m[0] x + m[1] y + m[2], original y = m[3] x + m[4] y + m[5].
        var mapping: [Double]
    }
}
