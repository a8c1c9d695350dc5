@echo off
rem Runs the program (target\neglect-scorecard.jar, built by "mvn -B package -DskipTests") with the
rem Java options it is measured with, so nobody has to type them:
rem   scorecard run --period 2026-04-30 --job jobs\your-job.yml
rem   scorecard history
rem -XX:+UseParallelGC: Java's collector for batch work.
rem The class archive (target\neglect-scorecard.jsa): the first "run" after a build keeps, as it ends,
rem   the classes it loaded; every command after it maps them instead of reading them again from the
rem   jar, and starts sooner. A new build removes it. An archive Java cannot use is passed over.
rem SCORECARD_JAVA_OPTS adds options of your own (for example -Xmx4g for a very large area).
setlocal
set "HERE=%~dp0"
set "JAR=%HERE%target\neglect-scorecard.jar"
set "ARCHIVE=%HERE%target\neglect-scorecard.jsa"
set "JAVA_EXE=java"
if defined JAVA_HOME set "JAVA_EXE=%JAVA_HOME%\bin\java"
if not exist "%JAR%" (
  echo The program is not built yet. In %HERE% run: mvn -B package -DskipTests 1>&2
  exit /b 1
)
set CLASSES=
if exist "%ARCHIVE%" (
  set CLASSES="-XX:SharedArchiveFile=%ARCHIVE%"
) else if /i "%~1"=="run" (
  set CLASSES="-XX:ArchiveClassesAtExit=%ARCHIVE%"
) else if /i "%~1"=="rerun" (
  set CLASSES="-XX:ArchiveClassesAtExit=%ARCHIVE%"
)
"%JAVA_EXE%" -XX:+UseParallelGC %CLASSES% "-Xlog:cds*=off" %SCORECARD_JAVA_OPTS% -jar "%JAR%" %*
exit /b %ERRORLEVEL%
