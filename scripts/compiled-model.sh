#!/usr/bin/env bash
# Makes the store's compiled EF Core models again, one per provider, into src/GoldenThread.Store/CompiledModels/.
# Run it after any change to the entities or to GoldenThreadDbContext's configuration (a new migration, say):
# CompiledModelTests fails until the compiled models match the configuration again. Why they exist: docs/architecture.md.
set -euo pipefail
cd "$(dirname "$0")/.."

# The tool's version follows Microsoft.EntityFrameworkCore.Design's in Directory.Packages.props.
version=$(sed -n 's|.*"Microsoft.EntityFrameworkCore.Design" Version="\([^"]*\)".*|\1|p' Directory.Packages.props)
tools=${GOLDENTHREAD_TOOLS:-${XDG_CACHE_HOME:-$HOME/.cache}/goldenthread/dotnet-ef-$version}
if [ ! -x "$tools/dotnet-ef" ]; then
  dotnet tool install dotnet-ef --version "$version" --tool-path "$tools" >/dev/null
fi

cd src/GoldenThread.Store
# Built without the present compiled models (the project's WithoutCompiledModel switch): they may no longer compile.
dotnet build -c Debug -p:WithoutCompiledModel=true --nologo -v q >/dev/null
optimize() { # provider folder, then the design-time factory's argument (the store, which is not opened)
  rm -rf "CompiledModels/$1"
  "$tools/dotnet-ef" dbcontext optimize --no-build --configuration Debug --output-dir "CompiledModels/$1" \
    --namespace "GoldenThread.Store.CompiledModels.$1" --suffix "" -- "$2" >/dev/null
  # StoreConnection.Configure names the provider's model; the attribute EF writes would make one model every provider's.
  rm "CompiledModels/$1/GoldenThreadDbContextAssemblyAttributes.cs"
  echo "wrote src/GoldenThread.Store/CompiledModels/$1"
}
optimize Sqlite "Data Source=compiled-model.db"
optimize Postgres "Host=localhost;Database=compiled_model"
