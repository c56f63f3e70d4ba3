#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The C maths functions this module uses, in one place so other files need no platform import.
enum Math {
    static func exp(_ value: Double) -> Double {
        #if canImport(Glibc)
        Glibc.exp(value)
        #else
        Darwin.exp(value)
        #endif
    }

    static func tan(_ value: Double) -> Double {
        #if canImport(Glibc)
        Glibc.tan(value)
        #else
        Darwin.tan(value)
        #endif
    }

    static func cos(_ value: Double) -> Double {
        #if canImport(Glibc)
        Glibc.cos(value)
        #else
        Darwin.cos(value)
        #endif
    }

    static func atan2(_ y: Float, _ x: Float) -> Float {
        #if canImport(Glibc)
        Glibc.atan2f(y, x)
        #else
        Darwin.atan2f(y, x)
        #endif
    }
}
