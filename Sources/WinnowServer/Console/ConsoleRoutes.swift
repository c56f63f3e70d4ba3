import Hummingbird

/// The console's pages and form actions.
struct ConsoleRoutes {
    let environment: ServerEnvironment

    func register(on router: Router<WinnowRequestContext>) {
        router.get("/") { _, _ in Response(status: .seeOther, headers: [.location: "/services"]) }
        router.get("assets/{name}") { _, context in try Assets.response(for: try context.parameters.path("name")) }
        LoginPages(environment: environment).register(on: router)
        ServicesPages(environment: environment).register(on: router)
        CollectionPages(environment: environment).register(on: router)
        DatasetsPages(environment: environment).register(on: router)
        SamplePage(environment: environment).register(on: router)
        ModelsPage(environment: environment).register(on: router)
    }
}
