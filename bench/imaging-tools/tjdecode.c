// tjdecode: TurboJPEG alone, as the speed reference for `winnow image features`.
//
// Reads file paths from standard input, then for each round decodes every file (read from disk, header,
// decode to RGB, or gray for gray JPEGs) split across T threads with one reused TurboJPEG handle each.
// With --scaled N it picks, like Winnow, the smallest of the 1/1, 1/2, 1/4, 1/8 scales whose longer side
// is still >= N. Prints one line per round: "round R: F files in S s (cpu C s) = X images/s, Y images/cpu-s",
// the CPU time being that of all threads of the process (CLOCK_PROCESS_CPUTIME_ID).
//
// Build: cc -O2 -o tjdecode tjdecode.c -lturbojpeg -lpthread   (bench/imaging does this; not committed)
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <turbojpeg.h>

static char **paths;
static int path_count;
static int threads = 1;
static int scaled_target = 0;

static double clock_seconds(clockid_t clock) {
    struct timespec t;
    clock_gettime(clock, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

static void *worker(void *arg) {
    long index = (long)arg;
    tjhandle handle = tjInitDecompress();
    unsigned char *output = NULL;
    size_t output_capacity = 0;
    long decoded = 0;
    for (int i = (int)index; i < path_count; i += threads) {
        FILE *file = fopen(paths[i], "rb");
        if (!file) continue;
        fseek(file, 0, SEEK_END);
        long size = ftell(file);
        fseek(file, 0, SEEK_SET);
        unsigned char *data = malloc(size > 0 ? size : 1);
        size_t got = fread(data, 1, size, file);
        fclose(file);
        int width, height, subsampling, colorspace;
        if (got != (size_t)size || tjDecompressHeader3(handle, data, size, &width, &height, &subsampling, &colorspace) != 0) {
            free(data);
            continue;
        }
        int num = 1, den = 1;
        if (scaled_target > 0) {
            int longer = width > height ? width : height;
            for (int d = 2; d <= 8; d *= 2) {
                if ((longer + d - 1) / d >= scaled_target) den = d;
            }
        }
        int w = (width * num + den - 1) / den, h = (height * num + den - 1) / den;
        int gray = colorspace == TJCS_GRAY;
        int cmyk = colorspace == TJCS_CMYK || colorspace == TJCS_YCCK;
        int channels = gray ? 1 : (cmyk ? 4 : 3);
        size_t needed = (size_t)w * h * channels;
        if (needed > output_capacity) {
            free(output);
            output = malloc(needed);
            output_capacity = needed;
        }
        int format = gray ? TJPF_GRAY : (cmyk ? TJPF_CMYK : TJPF_RGB);
        if (tjDecompress2(handle, data, size, output, w, 0, h, format, 0) == 0) decoded++;
        free(data);
    }
    free(output);
    tjDestroy(handle);
    return (void *)decoded;
}

int main(int argc, char **argv) {
    int rounds = 3;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--threads") && i + 1 < argc) threads = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--rounds") && i + 1 < argc) rounds = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--scaled") && i + 1 < argc) scaled_target = atoi(argv[++i]);
        else { fprintf(stderr, "usage: tjdecode [--threads T] [--rounds R] [--scaled N] < paths\n"); return 2; }
    }
    char line[4096];
    int capacity = 1024;
    paths = malloc(sizeof(char *) * capacity);
    while (fgets(line, sizeof line, stdin)) {
        line[strcspn(line, "\n")] = 0;
        if (!line[0]) continue;
        if (path_count == capacity) paths = realloc(paths, sizeof(char *) * (capacity *= 2));
        paths[path_count++] = strdup(line);
    }
    pthread_t *ids = malloc(sizeof(pthread_t) * threads);
    for (int round = 1; round <= rounds; round++) {
        double start = clock_seconds(CLOCK_MONOTONIC), cpu_start = clock_seconds(CLOCK_PROCESS_CPUTIME_ID);
        long total = 0;
        for (long t = 0; t < threads; t++) pthread_create(&ids[t], NULL, worker, (void *)t);
        for (int t = 0; t < threads; t++) {
            void *result;
            pthread_join(ids[t], &result);
            total += (long)result;
        }
        double seconds = clock_seconds(CLOCK_MONOTONIC) - start;
        double cpu = clock_seconds(CLOCK_PROCESS_CPUTIME_ID) - cpu_start;
        printf("round %d: %ld files in %.3f s (cpu %.3f s) = %.1f images/s, %.1f images/cpu-s\n", round, total, seconds, cpu,
               total / seconds, total / cpu);
    }
    return 0;
}
