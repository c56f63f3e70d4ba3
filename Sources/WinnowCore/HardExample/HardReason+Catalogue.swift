extension HardReason {
    /// All 31 reasons, indexed by their code.
    public static let catalogue: [HardReason] = [
        HardReason(
            id: 0, alias: "no_target", description: "No target object was identified in the image.", group: .prediction,
            suggestion: "Check whether the image really contains no object of interest; label the missed objects, or confirm it as background."),
        HardReason(
            id: 1, alias: "low_confidence", description: "The prediction confidence is low.", group: .prediction,
            suggestion: "Check the predicted label or boxes and correct them; classes with many low-confidence samples need more training data."),
        HardReason(
            id: 2, alias: "cluster_disagreement", description: "The clustering of the training set disagrees with the prediction.", group: .trainingConsistency,
            suggestion: "The image looks like training images of another class: check the label, and whether the two classes are confused."),
        HardReason(
            id: 3, alias: "far_from_class", description: "The prediction differs strongly from training data of the same class.", group: .trainingConsistency,
            suggestion: "The image is unlike the training images of its predicted class: confirm the label and add similar images to training."),
        HardReason(
            id: 4, alias: "temporal_inconsistency", description: "Predictions on several consecutive similar images are inconsistent.", group: .temporalConsistency,
            suggestion: "Neighbouring frames disagree: label this frame and its neighbours consistently."),
        HardReason(
            id: 5, alias: "resolution_drift", description: "The image resolution is far from the training-set distribution.", group: .imageFeatureDrift,
            suggestion: "Resize images to the training resolution, or add images of this resolution to training."),
        HardReason(
            id: 6, alias: "aspect_ratio_drift", description: "The image aspect ratio (height/width) is far from the training-set distribution.", group: .imageFeatureDrift,
            suggestion: "Compare the camera or crop with training; add images of this shape, or pad and crop consistently."),
        HardReason(
            id: 7, alias: "brightness_drift", description: "The image brightness is far from the training-set distribution.", group: .imageFeatureDrift,
            suggestion: "Check whether the scene is really this bright or dark; add such images or normalise exposure."),
        HardReason(
            id: 8, alias: "saturation_drift", description: "The image saturation is far from the training-set distribution.", group: .imageFeatureDrift,
            suggestion: "Compare the colour processing with training; add images with this saturation."),
        HardReason(
            id: 9, alias: "colorfulness_drift", description: "The image colorfulness is far from the training-set distribution.", group: .imageFeatureDrift,
            suggestion: "Compare colour richness with training (grey or washed-out images); add such images."),
        HardReason(
            id: 10, alias: "sharpness_drift", description: "The image sharpness (clarity) is far from the training-set distribution.", group: .imageFeatureDrift,
            suggestion: "Blurred or over-sharpened images: match the camera quality, or add blur/sharpen augmentation."),
        HardReason(
            id: 11, alias: "box_count_drift", description: "The number of boxes in the image is far from the training-set distribution.", group: .boxFeatureDrift,
            suggestion: "Images with unusually many or few objects are hard: label them carefully and add similar scenes."),
        HardReason(
            id: 12, alias: "box_area_spread_drift", description: "The standard deviation of box areas in the image is far from the training-set distribution.", group: .boxFeatureDrift,
            suggestion: "Objects of very mixed sizes: add such scenes, or skip them if they never occur in production."),
        HardReason(
            id: 13, alias: "box_aspect_ratio_drift", description: "The box aspect ratio is far from the training-set distribution.", group: .boxFeatureDrift,
            suggestion: "Unusually shaped boxes: check the boxes and add objects of this shape to training."),
        HardReason(
            id: 14, alias: "box_area_ratio_drift", description: "The box area ratio (box area / image area) is far from the training-set distribution.", group: .boxFeatureDrift,
            suggestion: "Objects much larger or smaller than in training: add such objects, and check anchor sizes."),
        HardReason(
            id: 15, alias: "box_marginalization_drift", description: "The closeness of boxes to the image edge is far from the training-set distribution.", group: .boxFeatureDrift,
            suggestion: "Objects cut by the image edge: label them if visible enough, or leave them unlabeled."),
        HardReason(
            id: 16, alias: "box_brightness_drift", description: "The brightness inside boxes is far from the training-set distribution.", group: .boxFeatureDrift,
            suggestion: "Dark or over-exposed objects: add such objects to training."),
        HardReason(
            id: 17, alias: "box_sharpness_drift", description: "The sharpness inside boxes is far from the training-set distribution.", group: .boxFeatureDrift,
            suggestion: "Blurred objects (motion, focus): re-collect or add such objects to training."),
        HardReason(
            id: 18, alias: "box_overlap_drift", description: "The overlap between boxes is far from the training-set distribution.", group: .boxFeatureDrift,
            suggestion: "Stacked or occluded objects: label them carefully, and add crowded scenes."),
        HardReason(
            id: 19, alias: "augment_gaussian_blur", description: "The prediction on a Gaussian-blurred copy disagrees with the original.", group: .augmentationConsistency,
            suggestion: "The model is unstable under blur: confirm the label and add blurred images to training."),
        HardReason(
            id: 20, alias: "augment_fliplr", description: "The prediction on a horizontally flipped copy disagrees with the original.", group: .augmentationConsistency,
            suggestion: "The model is unstable under a horizontal flip: confirm the label and train with flip augmentation."),
        HardReason(
            id: 21, alias: "augment_crop", description: "The prediction on a cropped copy disagrees with the original.", group: .augmentationConsistency,
            suggestion: "The model depends on the image border: confirm the label and train with crop augmentation."),
        HardReason(
            id: 22, alias: "augment_flipud", description: "The prediction on a vertically flipped copy disagrees with the original.", group: .augmentationConsistency,
            suggestion: "The model is unstable under a vertical flip: confirm the label; add flipped images if orientation varies in production."),
        HardReason(
            id: 23, alias: "augment_scale", description: "The prediction on a scaled copy disagrees with the original.", group: .augmentationConsistency,
            suggestion: "The model is unstable under scaling: confirm the label and add objects at other scales."),
        HardReason(
            id: 24, alias: "augment_translate", description: "The prediction on a translated copy disagrees with the original.", group: .augmentationConsistency,
            suggestion: "The model is unstable under a shift: confirm the label and train with translation augmentation."),
        HardReason(
            id: 25, alias: "augment_shear", description: "The prediction on a sheared copy disagrees with the original.", group: .augmentationConsistency,
            suggestion: "The model is unstable under shear: confirm the label and add images from other viewing angles."),
        HardReason(
            id: 26, alias: "augment_superpixels", description: "The prediction on a superpixel copy disagrees with the original.", group: .augmentationConsistency,
            suggestion: "The prediction rests on fine texture: confirm the label and add varied textures."),
        HardReason(
            id: 27, alias: "augment_sharpen", description: "The prediction on a sharpened copy disagrees with the original.", group: .augmentationConsistency,
            suggestion: "The model is unstable under sharpening: confirm the label and add images of other sharpness."),
        HardReason(
            id: 28, alias: "augment_add", description: "The prediction on a brightened copy disagrees with the original.", group: .augmentationConsistency,
            suggestion: "The model is unstable under a brightness change: confirm the label and add brightness augmentation."),
        HardReason(
            id: 29, alias: "augment_invert", description: "The prediction on an inverted copy disagrees with the original.", group: .augmentationConsistency,
            suggestion: "The model is unstable under colour inversion: confirm the label; add inverted images if they occur in production."),
        HardReason(
            id: 30, alias: "outlier", description: "The sample is predicted to be an outlier (anomaly).", group: .anomaly,
            suggestion: "The image is unlike everything else: check whether it belongs to the task at all, then label it or remove it."),
    ]
}
